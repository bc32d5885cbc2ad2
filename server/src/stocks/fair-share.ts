import { apiError } from '../http/api-error';
import type { Scan } from './scan';

/** How much of the shared WeChat Pay budget one person may hold at once, and everyone. */
export interface FairShareLimits {
  /** Lookups (upstream calls for a page or a stock's details) waiting or running per person. */
  lookupsPerUser: number;
  lookupsInAll: number;
  /** Scans one person has started that are still walking; joining a running scan is free. */
  scansPerUser: number;
  scansInAll: number;
  /** Told with a refused lookup: about how long a person's lookups in progress take to drain. */
  lookupRetryAfterSeconds: number;
}

/**
 * 8 lookups is more than a page needs (the table, its neighbours, the stock's details); 3 scans
 * let a person compare stocks. Both are far below what one person could queue before, and a
 * refusal costs no WeChat Pay call.
 */
export const DEFAULT_FAIR_SHARE: FairShareLimits = {
  lookupsPerUser: 8,
  lookupsInAll: 64,
  scansPerUser: 3,
  scansInAll: 12,
  lookupRetryAfterSeconds: 3,
};

export interface FairShare {
  /**
   * Runs `lookup` in one of the requester's lookup slots, so it counts while it waits for the
   * pacer and while it runs; 429 USER_BUDGET_EXCEEDED at once when none is free.
   */
  lookup<T>(requester: string, lookup: () => Promise<T>): Promise<T>;
  /**
   * Counts `scan` as one the requester started until the returned release is called; 429
   * USER_BUDGET_EXCEEDED, with the soonest of their scans' time left as Retry-After, if full.
   */
  startScan(requester: string, scan: Scan): () => void;
}

// A scan whose time left is not known yet (its first pages): about a page of a large stock.
const UNKNOWN_ETA_SECONDS = 30;

function refuse(whose: 'yours' | 'everyone', what: string, retryAfterSeconds: number): never {
  const message =
    whose === 'yours'
      ? `You already have ${what} in progress: wait for one to finish`
      : `The console already has ${what} in progress for everyone: wait a moment`;
  throw apiError('USER_BUDGET_EXCEEDED', message, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}

const soonestEnd = (scans: Iterable<Scan>) =>
  Math.min(
    UNKNOWN_ETA_SECONDS,
    ...[...scans].map((scan) => scan.progress().eta_seconds ?? UNKNOWN_ETA_SECONDS),
  );

/** Rule (fair share): bounded work per person and in all, refused before it costs a call. */
export function createFairShare(limits: FairShareLimits = DEFAULT_FAIR_SHARE): FairShare {
  const lookups = new Map<string, number>();
  let lookupsInAll = 0;
  const scans = new Map<string, Set<Scan>>();
  const allScans = new Set<Scan>();

  return {
    async lookup(requester, lookup) {
      const mine = lookups.get(requester) ?? 0;
      const wait = limits.lookupRetryAfterSeconds;
      if (mine >= limits.lookupsPerUser) refuse('yours', `${mine} lookups`, wait);
      if (lookupsInAll >= limits.lookupsInAll) refuse('everyone', `${lookupsInAll} lookups`, wait);
      lookups.set(requester, mine + 1);
      lookupsInAll += 1;
      try {
        return await lookup();
      } finally {
        const left = (lookups.get(requester) ?? 1) - 1;
        if (left > 0) lookups.set(requester, left);
        else lookups.delete(requester);
        lookupsInAll -= 1;
      }
    },
    startScan(requester, scan) {
      const mine = scans.get(requester) ?? new Set<Scan>();
      if (mine.size >= limits.scansPerUser) {
        refuse('yours', `${mine.size} scans`, soonestEnd(mine));
      }
      if (allScans.size >= limits.scansInAll) {
        refuse('everyone', `${allScans.size} scans`, soonestEnd(allScans));
      }
      mine.add(scan);
      scans.set(requester, mine);
      allScans.add(scan);
      return () => {
        mine.delete(scan);
        allScans.delete(scan);
        if (mine.size === 0 && scans.get(requester) === mine) scans.delete(requester);
      };
    },
  };
}
