import type { Clock } from '../lib/clock';

/** Hands out permission to send one request; swappable for a shared (e.g. Redis) pacer. */
export interface Pacer {
  /** Waits in FIFO order until one more call fits every limit; rejects only if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
  stats(): { queued: number; granted: number };
}

export type PacerLimit = { key: string; perMinute: number };

export type PacerOptions = {
  limits: PacerLimit[];
  clock: Clock;
  /** Fraction of each budget left unused (default 0.02: 200/min becomes 196/min). */
  safetyMargin?: number;
  /** Added to the 60 s window (default 1 s): WeChat Pay counts arrivals, we count departures. */
  windowPaddingMs?: number;
};

type Waiter = { resolve: () => void; reject: (reason: unknown) => void; signal?: AbortSignal };

const WINDOW_MS = 60_000;

/**
 * Rule (items endpoint rate limits: 200/min per IP, 1000/min per merchant, sliding windows):
 * grant a call only when, for every limit, fewer than its budget were granted in the last
 * window. Budget and window both carry a margin so latency jitter between our dispatch and
 * WeChat Pay's arrival cannot push a sliding-window limiter over.
 */
export function createPacer(options: PacerOptions): Pacer {
  const { clock, safetyMargin = 0.02, windowPaddingMs = 1_000 } = options;
  const windowMs = WINDOW_MS + windowPaddingMs;
  const budgets = options.limits.map((limit) => {
    if (!(limit.perMinute >= 1)) throw new RangeError(`${limit.key}: perMinute must be ≥ 1`);
    return Math.max(1, Math.floor(limit.perMinute * (1 - safetyMargin)));
  });
  const grants: number[] = []; // ascending grant times, pruned to one window
  const queue: Waiter[] = [];
  let granted = 0;
  let pumping = false;

  // How long until one more grant fits every budget (0 = now).
  const waitMs = (now: number): number => {
    while (grants.length > 0 && (grants[0] ?? 0) <= now - windowMs) grants.shift();
    let wait = 0;
    for (const budget of budgets) {
      if (grants.length < budget) continue;
      const blocking = grants[grants.length - budget] ?? now;
      wait = Math.max(wait, blocking + windowMs - now);
    }
    return wait;
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const wait = waitMs(clock.now());
        if (wait > 0) {
          await clock.sleep(wait);
          continue;
        }
        const waiter = queue.shift();
        if (!waiter || waiter.signal?.aborted) continue;
        grants.push(clock.now());
        granted += 1;
        waiter.resolve();
      }
    } finally {
      pumping = false;
    }
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal };
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        queue.push(waiter);
        void pump();
      });
    },
    stats: () => ({ queued: queue.length, granted }),
  };
}
