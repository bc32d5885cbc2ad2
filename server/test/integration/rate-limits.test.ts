import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock';
import { type RunningSandbox, SANDBOX_MCHID } from '../../src/sandbox/sandbox';
import { createPacer } from '../../src/wechatpay/pacer';
import { walkItems } from '../../src/wechatpay/pagination';
import { manualClock } from '../support/manual-clock';
import { clientFor, generousPacer, startIntegrationSandbox } from '../support/wiring';

// WeChat Pay's real limits (1000/min, 200/min per IP) on clocks that move only when the pacer
// sleeps: the calls themselves take no time on them, however slow this machine is, so what
// reaches the sandbox inside a minute is decided by the pacer alone.
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
  const clock = manualClock();
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
    // 501 signed and verified calls: 40 s on a busy 2-core machine.
  }, 120_000);
});

describe('without pacing', () => {
  // 200 unpaced calls take no time on this clock (the generous pacer's 1 ms naps aside), so
  // all of them fall inside the sandbox's minute and call 201 is refused.
  const clock = manualClock();
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
