import type { Clock } from '../../src/lib/clock';

export interface ManualClock extends Clock {
  /** Moves the clock on; with `sleeps: 'wait'`, wakes the sleepers it passes, in time order. */
  advance(ms: number): Promise<void>;
}

export interface ManualClockOptions {
  /**
   * What a sleep does. 'skip' (the default): the sleep moves the clock on by itself and returns
   * at once, for code that waits but whose waiting is not what the test looks at. 'wait': the
   * sleeper waits until `advance` passes its time, for tests of pacing and expiry.
   */
  sleeps?: 'skip' | 'wait';
}

/** Test-only: a clock that moves only when told to. */
export function manualClock(start = Date.now(), options: ManualClockOptions = {}): ManualClock {
  let now = start;
  if (options.sleeps !== 'wait') {
    return {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      // The clock has moved by the time advance returns: callers need not await it.
      advance: async (ms) => {
        now += ms;
      },
    };
  }
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        signal?.throwIfAborted();
        const sleeper = { at: now + Math.max(0, ms), wake: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal.reason);
        });
      });
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers[0];
        if (!next || next.at > target) break;
        sleepers.shift();
        now = next.at;
        next.wake();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
