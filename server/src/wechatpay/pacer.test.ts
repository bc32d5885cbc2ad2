import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { type Clock, scaledClock, systemClock } from '../lib/clock';
import { createPacer, type PacerOptions, type PacerPriority } from './pacer';

function harness(options: Omit<PacerOptions, 'clock'>) {
  const clock = manualClock(0, { sleeps: 'wait' });
  const pacer = createPacer({ safetyMargin: 0, windowPaddingMs: 0, ...options, clock });
  const granted: { id: string; at: number }[] = [];
  const request = (id: string, priority?: PacerPriority, signal?: AbortSignal) =>
    pacer.acquire({ ...(priority ? { priority } : {}), signal }).then(() => {
      granted.push({ id, at: clock.now() });
    });
  return { clock, pacer, granted, request };
}

/** The most grants that fall inside any window [t, t + windowMs). */
function busiestWindow(at: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; j < at.length; j += 1) {
    while ((at[j] ?? 0) - (at[i] ?? 0) >= windowMs) i += 1;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('pacer', () => {
  it('spaces grants evenly instead of handing out a minute at once', async () => {
    const { clock, pacer, granted, request } = harness({
      limits: [{ key: 'egress-ip', perMinute: 5 }],
    });
    const all = Array.from({ length: 6 }, (_, id) => request(String(id)));
    await clock.advance(0);
    expect(granted.map((g) => g.at)).toEqual([0]);
    expect(pacer.stats()).toEqual({ queued: 5, granted: 1 });
    await clock.advance(11_999);
    expect(granted).toHaveLength(1);
    await clock.advance(1);
    expect(granted).toHaveLength(2);
    await clock.advance(48_000);
    await Promise.all(all);
    expect(granted.map((g) => g.at)).toEqual([0, 12_000, 24_000, 36_000, 48_000, 60_000]);
    expect(granted.map((g) => g.id)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('at 200/min with the default margins: 4 at once, then every ~316 ms, ≤ 196 per 61 s', async () => {
    const clock = manualClock(0, { sleeps: 'wait' });
    const pacer = createPacer({ limits: [{ key: 'egress-ip', perMinute: 200 }], clock });
    const at: number[] = [];
    for (let i = 0; i < 1_000; i += 1) void pacer.acquire().then(() => at.push(clock.now()));
    await clock.advance(0);
    expect(at).toEqual([0, 0, 0, 0]);
    await clock.advance(316);
    expect(at).toHaveLength(4);
    await clock.advance(1);
    expect(at).toHaveLength(5);
    await clock.advance(4 * 60_000);
    expect(busiestWindow(at, 61_000)).toBeLessThanOrEqual(196);
    expect(busiestWindow(at, 60_000)).toBeLessThanOrEqual(196);
    // The steady rate is (196 − 4 + 1) per 61 s ≈ 189.8/min: 95 % of the limit.
    const steady = (at.length - 4) / 4;
    expect(steady).toBeGreaterThan(189);
    expect(steady).toBeLessThan(191);
  });

  it('serves interactive waiters before background ones, FIFO within each', async () => {
    // Budget 62 with a burst of 3: three at once, then one a second.
    const { clock, granted, request } = harness({
      limits: [{ key: 'egress-ip', perMinute: 62 }],
      burst: 3,
    });
    for (let id = 0; id < 5; id += 1) void request(`scan-${id}`, 'background');
    await clock.advance(0);
    expect(granted.map((g) => g.id)).toEqual(['scan-0', 'scan-1', 'scan-2']);
    await clock.advance(500); // half an interval: the lookups arrive while the scan waits
    void request('lookup-a');
    void request('lookup-b', 'interactive');
    await clock.advance(1_000);
    await clock.advance(1_000);
    await clock.advance(1_000);
    expect(granted.map((g) => g.id).slice(3)).toEqual(['lookup-a', 'lookup-b', 'scan-3']);
    // The first lookup waited only for the rest of one grant interval (1 s here).
    expect((granted[3]?.at ?? 0) - 500).toBe(500);
  });

  it('honours every limit: the tightest one decides', async () => {
    const { clock, granted, request } = harness({
      limits: [
        { key: 'merchant', perMinute: 600 },
        { key: 'egress-ip', perMinute: 6 },
      ],
    });
    for (let id = 0; id < 5; id += 1) void request(String(id));
    await clock.advance(0);
    expect(granted).toHaveLength(1);
    await clock.advance(20_000);
    expect(granted.map((g) => g.at)).toEqual([0, 10_000, 20_000]);
  });

  it('drops an aborted waiter from the queue without disturbing the order of the rest', async () => {
    const { clock, pacer, granted, request } = harness({
      limits: [{ key: 'egress-ip', perMinute: 1 }],
    });
    const controller = new AbortController();
    void request('0');
    void request('1', 'background');
    const aborted = request('2', 'background', controller.signal);
    void request('3', 'background');
    await clock.advance(0);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(pacer.stats().queued).toBe(2);
    await clock.advance(120_000);
    expect(granted.map((g) => g.id)).toEqual(['0', '1', '3']);
    await expect(pacer.acquire({ signal: AbortSignal.abort(new Error('early')) })).rejects.toThrow(
      'early',
    );
  });

  it('never exceeds the budget in any sliding window on a scaled real clock', async () => {
    // Sub-millisecond base time, so one real millisecond (the tolerance) is 300 scaled ms.
    const fine: Clock = { ...systemClock, now: () => performance.timeOrigin + performance.now() };
    const clock = scaledClock(300, fine); // one minute passes in 200 ms
    const pacer = createPacer({ limits: [{ key: 'egress-ip', perMinute: 4 }], clock });
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () => pacer.acquire().then(() => at.push(clock.now()))),
    );
    // Budget 3 (4 less the 2 % margin) with a burst of 1: one grant every 61 s / 3.
    expect(busiestWindow(at, 61_000 - 300)).toBeLessThanOrEqual(3);
    expect((at[9] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(9 * (61_000 / 3) - 300);
  });
});
