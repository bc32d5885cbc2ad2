import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { startHarness } from '../../test/support/stocks-harness';
import type { Clock } from '../lib/clock';
import { createPacer, type Pacer, type PacerPriority } from '../wechatpay/pacer';

const CREATOR = '1900000109';
// A tenth of WeChat Pay's limits (20/min per IP, 100/min per merchant), so the walk of a
// 50-page stock spans several windows.
const PER_IP = 20;
// Budget 19 (20 less 2 %), burst 1: one grant every 61 s / 19 ≈ 3.2 s.
const INTERVAL_MS = 61_000 / 19;

type Grant = {
  priority: PacerPriority;
  /** Calls already waiting in the pacer when this one asked. */
  queuedAhead: number;
  askedAt: number;
  /** Grants already made when this one asked, and when it was served. */
  askedAfter: number;
  grantedAfter: number;
  grantedAt: number;
};

/**
 * The client's pacer on a clock that moves only when the test says so, noting every grant and
 * when the pacer naps. The test moves the clock to the end of each nap, so the pacer's
 * decisions, not the speed of this machine, decide the order and the times.
 */
function tracedPacer(clock: ReturnType<typeof manualClock>) {
  let napUntil: number | undefined;
  const pacerClock: Clock = {
    now: () => clock.now(),
    sleep: (ms, signal) => {
      napUntil = clock.now() + ms;
      return clock.sleep(ms, signal).finally(() => {
        napUntil = undefined;
      });
    },
  };
  const inner = createPacer({
    limits: [
      { key: 'egress-ip', perMinute: PER_IP },
      { key: 'merchant', perMinute: PER_IP * 5 },
    ],
    clock: pacerClock,
  });
  const grants: Grant[] = [];
  const pacer: Pacer = {
    async acquire(options = {}) {
      const queuedAhead = inner.stats().queued;
      const askedAt = clock.now();
      const askedAfter = grants.length;
      await inner.acquire(options);
      const priority = options.priority ?? 'interactive';
      grants.push({
        priority,
        queuedAhead,
        askedAt,
        askedAfter,
        grantedAfter: grants.length,
        grantedAt: clock.now(),
      });
    },
    stats: () => inner.stats(),
  };
  /** Moves the clock to the end of each of the pacer's naps until `done()` holds. */
  async function runUntil(done: () => boolean) {
    while (!done()) {
      if (napUntil !== undefined) await clock.advance(napUntil - clock.now());
      else await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  return { pacer, grants, runUntil, napping: () => napUntil !== undefined };
}

describe('a long scan under the rate limits', () => {
  it('lets a page lookup of another stock overtake the walk, with no 429', async () => {
    const clock = manualClock(Date.now(), { sleeps: 'wait' });
    const { pacer, grants, runUntil, napping } = tracedPacer(clock);
    const h = await startHarness({
      wireClock: clock,
      clock,
      pacer,
      sandbox: { limits: { perMinute: PER_IP * 5, perIpPerMinute: PER_IP } },
    });
    try {
      await request(h.app)
        .post('/api/stocks/16000005/scans')
        .send({ stock_creator_mchid: CREATOR });
      const target = { stockId: '16000005', stockCreatorMchid: CREATOR };
      const scan = (await h.scans.latest(target)) ?? expect.fail();
      // Past the first minute's worth of pages (the old sliding window would be full here),
      // with the walk's next page waiting for its turn.
      await runUntil(() => scan.pagesDone >= 22 && napping() && pacer.stats().queued === 1);
      expect(scan.state).toBe('running');
      expect(scan.progress().eta_seconds).not.toBeNull();

      const answered = request(h.app)
        .get(`/api/stocks/16000003/items?stock_creator_mchid=${CREATOR}`)
        .then((response) => response);
      // The clock stands still until the lookup is in line behind the walk's page.
      while (pacer.stats().queued < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      await runUntil(() => grants.some((g) => g.priority === 'interactive'));
      const lookup = await answered;
      expect(lookup.status).toBe(200);

      const mine = grants.filter((g) => g.priority === 'interactive');
      expect(mine).toHaveLength(1);
      const [lookupGrant] = mine;
      // The walk's page was waiting first, yet the lookup took the very next grant, waiting
      // at most the rest of one grant interval.
      expect(lookupGrant).toMatchObject({ queuedAhead: 1 });
      expect(lookupGrant?.grantedAfter).toBe(lookupGrant?.askedAfter);
      const waited = (lookupGrant?.grantedAt ?? 0) - (lookupGrant?.askedAt ?? 0);
      expect(waited).toBeLessThanOrEqual(Math.ceil(INTERVAL_MS));

      await runUntil(() => scan.state !== 'running');
      const done = (await h.scans.latest(target)) ?? expect.fail();
      expect(done.progress()).toMatchObject({ state: 'done', codes_loaded: 5_000, pages_done: 50 });
      expect(h.sandbox.stats.calls({ status: 429 })).toBe(0);
      // Every walk call waited in the background queue, and the walk ran at the paced rate:
      // 51 calls (50 pages + the lookup) take at least 50 intervals, not 75 % of the budget's.
      expect(grants.filter((g) => g.priority === 'background')).toHaveLength(50);
      const elapsed = (done.finishedAt ?? 0) - done.startedAt;
      expect(elapsed).toBeGreaterThanOrEqual(49 * INTERVAL_MS);
      expect(elapsed).toBeLessThan(60 * INTERVAL_MS);
    } finally {
      await h.close();
    }
  });
});
