import type { Clock } from '../lib/clock';
import { pacerOver } from './waiting-line';

/**
 * Who is waiting: a person looking at a page (interactive) or a full scan's walk (background).
 * Interactive callers are served first, so a lookup never queues behind a long scan.
 */
export type PacerPriority = 'interactive' | 'background';

export type AcquireOptions = {
  priority?: PacerPriority;
  signal?: AbortSignal;
  /**
   * Who the call is for: a signed-in person (`user:<id>`), or a scan nobody owns any more
   * (`stock:<key>`). Each requester waits in their own line (see waiting-line.ts); calls that
   * name none share one.
   */
  requester?: string;
};

/** Hands out permission to send one request; swappable for a shared (e.g. Redis) pacer. */
export interface Pacer {
  /**
   * Waits until one more call fits every limit. The next grant goes to the requester who has
   * used the fewest recently (lookups ahead of scan pages); within one requester, interactive
   * before background (default interactive), FIFO within a priority. Fairness is per process:
   * a shared pacer shares the budget, not the line. Rejects if `signal` aborts, or (a shared
   * pacer) with the store's error when the shared budget cannot be asked.
   */
  acquire(options?: AcquireOptions): Promise<void>;
  stats(): { queued: number; granted: number };
}

export type PacerLimit = { key: string; perMinute: number };

export type PacerOptions = {
  limits: PacerLimit[];
  clock: Clock;
  /** Fraction of each budget left unused (default 0.02: 200/min becomes 196 per window). */
  safetyMargin?: number;
  /** Added to the 60 s window (default 1 s): WeChat Pay counts arrivals, we count departures. */
  windowPaddingMs?: number;
  /** Grants available at once after a quiet spell (default: budget / 20, between 1 and 4). */
  burst?: number;
};

/** The shape of one limit's token bucket; the same for the in-process and the shared pacer. */
export type BucketParameters = { capacity: number; perMs: number; windowMs: number };

type Bucket = BucketParameters & { tokens: number; at: number };

const WINDOW_MS = 60_000;
// Float slack: 5 tokens/min × 12 s is 0.9999999… in binary, and must still count as one.
export const TOKEN_EPSILON = 1e-9;

/**
 * Rule (items endpoint rate limits: 200/min per IP, 1000/min per merchant, sliding windows):
 * one token bucket per limit, capacity b, refilled at r = (B − b + 1) / W, where B is the
 * budget after the safety margin and W the padded window. A bucket that starts full grants at
 * most b + ⌈r·W⌉ − 1 = B calls in any window of length W, however the calls arrive, so grants
 * are spread evenly (200/min → 4 at once, then one every 316 ms) instead of a whole minute's
 * budget in one burst that would leave everyone else waiting for the window to slide.
 */
export function bucketParameters(
  limit: PacerLimit,
  options: Pick<PacerOptions, 'safetyMargin' | 'windowPaddingMs' | 'burst'>,
): BucketParameters {
  const { safetyMargin = 0.02, windowPaddingMs = 1_000 } = options;
  if (!(limit.perMinute >= 1)) throw new RangeError(`${limit.key}: perMinute must be ≥ 1`);
  const windowMs = WINDOW_MS + windowPaddingMs;
  const budget = Math.max(1, Math.floor(limit.perMinute * (1 - safetyMargin)));
  const wanted = options.burst ?? Math.min(4, Math.floor(budget / 20));
  const capacity = Math.max(1, Math.min(budget, Math.floor(wanted)));
  return { capacity, perMs: (budget - capacity + 1) / windowMs, windowMs };
}

/** The pacer of a console that runs as one process: every bucket lives in its memory. */
export function createPacer(options: PacerOptions): Pacer {
  const { clock } = options;
  const start = clock.now();
  const buckets: Bucket[] = options.limits.map((limit) => {
    const parameters = bucketParameters(limit, options);
    return { ...parameters, tokens: parameters.capacity, at: start };
  });
  // Refills every bucket to `now`, then takes a token from each (0) or none (the ms until all
  // hold a whole one).
  const takeOne = (): number => {
    const now = clock.now();
    let wait = 0;
    for (const b of buckets) {
      b.tokens = Math.min(b.capacity, b.tokens + Math.max(0, now - b.at) * b.perMs);
      b.at = now;
      if (b.tokens < 1 - TOKEN_EPSILON) {
        wait = Math.max(wait, Math.ceil((1 - b.tokens) / b.perMs));
      }
    }
    if (wait === 0) for (const b of buckets) b.tokens -= 1;
    return wait;
  };
  return pacerOver(takeOne, clock);
}
