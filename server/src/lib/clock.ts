import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the rate limiters, pacers and signatures see it. Injected everywhere so tests can
 * freeze it and benchmarks can run WeChat Pay's per-minute limits on a faster clock.
 */
export interface Clock {
  /** Milliseconds since the epoch, on this clock. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock have passed. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, signal ? { signal } : undefined),
};

/**
 * A clock that runs `factor` times faster than the wall clock, from the wall clock's present.
 * A sandbox and a pacer sharing one scaled clock keep the real limits' proportions.
 */
export function scaledClock(factor: number, base: Clock = systemClock): Clock {
  if (!(factor > 0)) throw new RangeError(`clock factor must be positive, got ${factor}`);
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * factor,
    sleep: (ms, signal) => base.sleep(ms / factor, signal),
  };
}
