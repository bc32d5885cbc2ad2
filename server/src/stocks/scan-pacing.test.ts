import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { type Clock, scaledClock } from '../lib/clock';
import { createPacer, type Pacer } from '../wechatpay/pacer';
import { settled, startHarness } from './test-harness';

const CREATOR = '1900000109';
// A tenth of WeChat Pay's limits (20/min per IP, 100/min per merchant) on a clock 100× faster:
// the same proportions, with few enough pages that the test stays short.
const FACTOR = 100;
const PER_IP = 20;

/** The client's pacer, noting how long each call queued (in scaled ms, pacer logic only). */
function timedPacer(clock: Clock) {
  const inner = createPacer({
    limits: [
      { key: 'egress-ip', perMinute: PER_IP },
      { key: 'merchant', perMinute: PER_IP * 5 },
    ],
    clock,
  });
  const waits: { asked: number; wait: number }[] = [];
  const pacer: Pacer = {
    async acquire(signal) {
      const asked = clock.now();
      await inner.acquire(signal);
      waits.push({ asked, wait: clock.now() - asked });
    },
    stats: () => inner.stats(),
  };
  return { pacer, waits };
}

async function pacedHarness(scanCallsPerMinute: number) {
  const wireClock = scaledClock(FACTOR);
  const { pacer, waits } = timedPacer(wireClock);
  const h = await startHarness({
    wireClock,
    clock: wireClock,
    pacer,
    scanCallsPerMinute,
    sandbox: { limits: { perMinute: PER_IP * 5, perIpPerMinute: PER_IP } },
  });
  return { h, waits, wireClock };
}

/** Starts the 50-page scan and, once `afterPages` are in, looks up a page of another stock. */
async function lookupDuringScan(
  { h, waits, wireClock }: Awaited<ReturnType<typeof pacedHarness>>,
  afterPages: number,
) {
  await request(h.app).post('/api/stocks/16000005/scans').send({ stock_creator_mchid: CREATOR });
  const scan =
    (await h.scans.latest({ stockId: '16000005', stockCreatorMchid: CREATOR })) ?? expect.fail();
  while (scan.pagesDone < afterPages) await new Promise((resolve) => setTimeout(resolve, 2));
  const asked = wireClock.now();
  const lookup = await request(h.app).get(
    `/api/stocks/16000003/items?stock_creator_mchid=${CREATOR}`,
  );
  expect(lookup.status).toBe(200);
  expect(scan.state).toBe('running');
  // The walk is parked at a pacer when the lookup asks, so the first call asked after is its.
  const [first] = waits.filter((w) => w.asked >= asked).sort((a, b) => a.asked - b.asked);
  return { lookupWaitSeconds: (first?.wait ?? Number.NaN) / 1000, scan };
}

describe('a long scan under the rate limits', () => {
  it('leaves page lookups of other stocks answering at once, with no 429', async () => {
    const paced = await pacedHarness(15);
    const { h, waits } = paced;
    try {
      // 15/min × 0.98 = 14 pages, then the walk waits at the scans' pacer; the client's still
      // has room, so the lookup is not queued behind the scan.
      const { lookupWaitSeconds, scan } = await lookupDuringScan(paced, 14);
      expect(lookupWaitSeconds).toBeLessThan(5);
      expect(scan.progress().eta_seconds).not.toBeNull();
      const done = await settled(h.scans, '16000005');
      expect(done.progress()).toMatchObject({ state: 'done', codes_loaded: 5_000, pages_done: 50 });
      expect(h.sandbox.stats.calls({ status: 429 })).toBe(0);
      // The walk never leaned on the client's pacer: it stayed inside its own share.
      expect(Math.max(...waits.map((w) => w.wait))).toBeLessThan(5_000);
      // 50 calls at 14 per 61 s: three windows after the first burst.
      expect((done.finishedAt ?? 0) - done.startedAt).toBeGreaterThan(3 * 60_000);
    } finally {
      await h.close();
    }
  });

  it('without the scans’ own budget, the same lookup waits for the window to slide', async () => {
    const paced = await pacedHarness(0);
    const { h } = paced;
    try {
      // 20/min × 0.98 = 19 pages fill the client's window; the lookup queues behind it.
      const { lookupWaitSeconds } = await lookupDuringScan(paced, 19);
      expect(lookupWaitSeconds).toBeGreaterThan(20);
      expect(h.sandbox.stats.calls({ status: 429 })).toBe(0);
    } finally {
      await h.close();
    }
  });
});
