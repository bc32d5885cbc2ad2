import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { settled, startHarness } from '../../test/support/stocks-harness';
import { type Clock, scaledClock } from '../lib/clock';
import { createPacer, type Pacer, type PacerPriority } from '../wechatpay/pacer';

const CREATOR = '1900000109';
// A tenth of WeChat Pay's limits (20/min per IP, 100/min per merchant) on a clock 100× faster:
// the same proportions, with few enough pages that the test stays short.
const FACTOR = 100;
const PER_IP = 20;
// Budget 19 (20 less 2 %), burst 1: one grant every 61 s / 19 ≈ 3.2 s of the scaled clock.
const INTERVAL_MS = 61_000 / 19;

type Wait = { asked: number; wait: number; priority: PacerPriority };

/** The client's pacer, noting how long each call queued (in scaled ms, pacer logic only). */
function timedPacer(clock: Clock) {
  const inner = createPacer({
    limits: [
      { key: 'egress-ip', perMinute: PER_IP },
      { key: 'merchant', perMinute: PER_IP * 5 },
    ],
    clock,
  });
  const waits: Wait[] = [];
  const pacer: Pacer = {
    async acquire(options = {}) {
      const asked = clock.now();
      await inner.acquire(options);
      waits.push({ asked, wait: clock.now() - asked, priority: options.priority ?? 'interactive' });
    },
    stats: () => inner.stats(),
  };
  return { pacer, waits };
}

describe('a long scan under the rate limits', () => {
  it('lets a page lookup of another stock overtake the walk, with no 429', async () => {
    const wireClock = scaledClock(FACTOR);
    const { pacer, waits } = timedPacer(wireClock);
    const h = await startHarness({
      wireClock,
      clock: wireClock,
      pacer,
      sandbox: { limits: { perMinute: PER_IP * 5, perIpPerMinute: PER_IP } },
    });
    try {
      await request(h.app)
        .post('/api/stocks/16000005/scans')
        .send({ stock_creator_mchid: CREATOR });
      const target = { stockId: '16000005', stockCreatorMchid: CREATOR };
      const scan = (await h.scans.latest(target)) ?? expect.fail();
      // Past the first minute's worth of pages: the old sliding window would be full here.
      while (scan.pagesDone < 22) await new Promise((resolve) => setTimeout(resolve, 2));
      const asked = wireClock.now();
      const lookup = await request(h.app).get(
        `/api/stocks/16000003/items?stock_creator_mchid=${CREATOR}`,
      );
      expect(lookup.status).toBe(200);
      expect(scan.state).toBe('running');
      const mine = waits.find((w) => w.priority === 'interactive' && w.asked >= asked);
      // At most the rest of one grant interval (plus scheduling slack on the fast clock).
      expect(mine?.wait ?? Number.POSITIVE_INFINITY).toBeLessThan(INTERVAL_MS + 1_000);
      expect(scan.progress().eta_seconds).not.toBeNull();

      const done = await settled(h.scans, '16000005');
      expect(done.progress()).toMatchObject({ state: 'done', codes_loaded: 5_000, pages_done: 50 });
      expect(h.sandbox.stats.calls({ status: 429 })).toBe(0);
      // Every walk call waited in the background queue, and the walk ran at the paced rate:
      // 51 calls (50 pages + the lookup) take at least 50 intervals, not 75 % of the budget's.
      expect(waits.filter((w) => w.priority === 'background')).toHaveLength(50);
      const elapsed = (done.finishedAt ?? 0) - done.startedAt;
      expect(elapsed).toBeGreaterThanOrEqual(49 * INTERVAL_MS);
      expect(elapsed).toBeLessThan(60 * INTERVAL_MS);
    } finally {
      await h.close();
    }
  });
});
