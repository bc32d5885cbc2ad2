import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clock, scaledClock } from '../../src/lib/clock';
import { type RunningSandbox, SANDBOX_MCHID } from '../../src/sandbox/sandbox';
import { createPacer } from '../../src/wechatpay/pacer';
import { walkItems } from '../../src/wechatpay/pagination';
import { clientFor, generousPacer, startIntegrationSandbox } from '../support/wiring';

// WeChat Pay's real limits (1000/min, 200/min per IP) on clocks that run faster than the wall's.
const REAL_LIMITS = { perMinute: 1_000, perIpPerMinute: 200 };
// 60,000 codes under page offsets: 501 calls, two and a half minutes' worth at 200/min.
const BIG_STOCK = { stockId: '16000006', stockCreatorMchid: SANDBOX_MCHID, mode: 'page' as const };
const CALLS = 501;
const PER_IP = REAL_LIMITS.perIpPerMinute;
const MINUTE_MS = 60_000;

const sandboxes: RunningSandbox[] = [];
async function sandboxOn(clock: Clock): Promise<RunningSandbox> {
  const sandbox = await startIntegrationSandbox({ clock, limits: REAL_LIMITS });
  sandboxes.push(sandbox);
  return sandbox;
}
afterAll(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
});

describe('the pacer against the real limits', () => {
  // 60×: a minute of the sandbox's clock is one real second.
  const clock = scaledClock(60);
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await sandboxOn(clock);
  });

  it('walks 501 pages with zero 429s, taking at least the theoretical time', async () => {
    const pacer = createPacer({
      clock,
      limits: [
        { key: 'egress-ip', perMinute: REAL_LIMITS.perIpPerMinute },
        { key: 'merchant', perMinute: REAL_LIMITS.perMinute },
      ],
    });
    const client = clientFor(sandbox, { clock, pacer, maxRetries: 0 });
    const started = clock.now();
    const result = await walkItems(client, BIG_STOCK);
    const elapsed = clock.now() - started;

    expect(result).toMatchObject({ ok: true, pages: CALLS, codesLoaded: 50_100, truncated: true });
    expect(sandbox.stats.calls({ status: 429 })).toBe(0);
    expect(sandbox.stats.calls({ stockId: BIG_STOCK.stockId, status: 200 })).toBe(CALLS);
    expect(pacer.stats().granted).toBe(CALLS);
    // 200 per sliding minute: call n may start no sooner than a minute after call n − 200.
    expect(elapsed).toBeGreaterThanOrEqual(Math.floor((CALLS - 1) / PER_IP) * MINUTE_MS);
    // The same rule at the sandbox, on arrival: no 201 calls ever fell inside one minute.
    const arrivals = sandbox.stats.log().map((entry) => entry.at);
    const gaps = arrivals.slice(PER_IP).map((at, i) => at - (arrivals[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MINUTE_MS);
  });
});

describe('without pacing', () => {
  // 10×: 200 unpaced calls take far less than the sandbox's minute, so call 201 is refused.
  const clock = scaledClock(10);
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await sandboxOn(clock);
  });

  it('the sandbox answers 429 FREQUENCY_LIMIT_EXCEED at call 201', async () => {
    const client = clientFor(sandbox, { clock, pacer: generousPacer(clock), maxRetries: 0 });
    const result = await walkItems(client, BIG_STOCK);
    expect(result).toMatchObject({
      ok: false,
      pagesDone: PER_IP,
      error: {
        kind: 'rate_limited',
        status: 429,
        upstream: { code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' },
      },
    });
    expect(sandbox.stats.calls({ status: 429 })).toBe(1);
  });
});
