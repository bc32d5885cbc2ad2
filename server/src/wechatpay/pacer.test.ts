import { describe, expect, it } from 'vitest';
import { type Clock, scaledClock, systemClock } from '../lib/clock';
import { createPacer } from './pacer';
import { manualClock } from './testing/manual-clock';

function harness(
  limits: { key: string; perMinute: number }[],
  margins = { safetyMargin: 0, windowPaddingMs: 0 },
) {
  const clock = manualClock();
  const pacer = createPacer({ limits, clock, ...margins });
  const granted: { id: number; at: number }[] = [];
  const request = (id: number, signal?: AbortSignal) =>
    pacer.acquire(signal).then(() => {
      granted.push({ id, at: clock.now() });
    });
  return { clock, pacer, granted, request };
}

describe('pacer', () => {
  it('grants a minute budget at once, then queues FIFO until the window slides', async () => {
    const { clock, pacer, granted, request } = harness([{ key: 'egress-ip', perMinute: 5 }]);
    const all = Array.from({ length: 12 }, (_, id) => request(id));
    await clock.advance(0);
    expect(granted.map((g) => g.id)).toEqual([0, 1, 2, 3, 4]);
    expect(pacer.stats()).toEqual({ queued: 7, granted: 5 });
    await clock.advance(59_999);
    expect(granted).toHaveLength(5);
    await clock.advance(1);
    expect(granted.map((g) => g.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await clock.advance(60_000);
    await Promise.all(all);
    expect(granted.map((g) => g.id)).toEqual(Array.from({ length: 12 }, (_, id) => id));
    expect(granted.slice(10).map((g) => g.at)).toEqual([120_000, 120_000]);
    expect(pacer.stats()).toEqual({ queued: 0, granted: 12 });
  });

  it('keeps a margin on the budget and the window by default (200/min → 196 per 61 s)', async () => {
    const clock = manualClock();
    const pacer = createPacer({ limits: [{ key: 'egress-ip', perMinute: 200 }], clock });
    for (let i = 0; i < 200; i += 1) void pacer.acquire();
    await clock.advance(0);
    expect(pacer.stats().granted).toBe(196);
    await clock.advance(60_999);
    expect(pacer.stats().granted).toBe(196);
    await clock.advance(1);
    expect(pacer.stats().granted).toBe(200);
  });

  it('honours every limit: the tightest one decides', async () => {
    const { clock, granted, request } = harness([
      { key: 'merchant', perMinute: 10 },
      { key: 'egress-ip', perMinute: 3 },
    ]);
    for (let id = 0; id < 5; id += 1) void request(id);
    await clock.advance(0);
    expect(granted).toHaveLength(3);
  });

  it('slides the window: calls spread over a minute free up one by one', async () => {
    const { clock, granted, request } = harness([{ key: 'egress-ip', perMinute: 4 }]);
    void request(0);
    void request(1);
    await clock.advance(30_000);
    for (let id = 2; id < 8; id += 1) void request(id);
    await clock.advance(0);
    expect(granted.map((g) => g.at)).toEqual([0, 0, 30_000, 30_000]);
    await clock.advance(30_000); // the two from t=0 leave the window, the two from 30 s do not
    expect(granted.map((g) => g.at)).toEqual([0, 0, 30_000, 30_000, 60_000, 60_000]);
    await clock.advance(30_000);
    expect(granted.map((g) => g.at).slice(6)).toEqual([90_000, 90_000]);
  });

  it('drops an aborted waiter from the queue without disturbing the order of the rest', async () => {
    const { clock, pacer, granted, request } = harness([{ key: 'egress-ip', perMinute: 1 }]);
    const controller = new AbortController();
    void request(0);
    void request(1);
    const aborted = request(2, controller.signal);
    void request(3);
    await clock.advance(0);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(pacer.stats().queued).toBe(2);
    await clock.advance(120_000);
    expect(granted.map((g) => g.id)).toEqual([0, 1, 3]);
    await expect(pacer.acquire(AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });

  it('never exceeds the budget in any sliding window on a scaled real clock', async () => {
    // Sub-millisecond base time, so one real millisecond (the tolerance) is 300 scaled ms.
    const fine: Clock = { ...systemClock, now: () => performance.timeOrigin + performance.now() };
    const clock = scaledClock(300, fine); // one minute passes in 200 ms
    const pacer = createPacer({
      limits: [{ key: 'egress-ip', perMinute: 4 }],
      clock,
      safetyMargin: 0,
    });
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () => pacer.acquire().then(() => at.push(clock.now()))),
    );
    const tolerance = 300;
    for (let i = 0; i + 4 < at.length; i += 1) {
      expect((at[i + 4] ?? 0) - (at[i] ?? 0)).toBeGreaterThanOrEqual(61_000 - tolerance);
    }
    expect((at[9] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(2 * 61_000 - tolerance);
  });
});
