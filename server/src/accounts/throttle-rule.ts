import { createHash } from 'node:crypto';
import { LOGIN_THROTTLE } from '../contract/auth';

/**
 * Decision 011: a hard limit per (account, address) pair and per address; for the account as a
 * whole only growing delays, so strangers cannot lock its owner out.
 */
export interface ThrottleLimits {
  windowMs: number;
  /** Attempts one address may make at one account per window, then 429 until one leaves it. */
  pairMax: number;
  /** Attempts one address may make at any accounts per window. */
  addressMax: number;
  /**
   * Addresses that may fail at one account before each next attempt at it waits 2^k seconds
   * (k grows with each further address). Addresses, not attempts: one address is already held
   * by its pair limit, and must not slow the owner elsewhere.
   */
  accountFree: number;
  accountDelayCapMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowMs: LOGIN_THROTTLE.windowMinutes * 60_000,
  pairMax: LOGIN_THROTTLE.maxFailures,
  addressMax: LOGIN_THROTTLE.maxFailuresPerAddress,
  accountFree: LOGIN_THROTTLE.maxFailures,
  accountDelayCapMs: LOGIN_THROTTLE.accountDelayCapSeconds * 1000,
};

/** Who is trying: the name typed (an account or not) and the client address. */
export interface AttemptSource {
  account: string;
  address: string;
}

/** A name typed at the login form may be a password typed in the wrong box: keep only a hash. */
export const hashThrottleKey = (key: string) =>
  createHash('sha256').update(key).digest('base64url');

/** The three counters an attempt is reserved on, and the address as the account's member. */
export function throttleKeys(source: AttemptSource): ThrottleKeys {
  return {
    pair: hashThrottleKey(`pair:${source.account}\n${source.address}`),
    address: hashThrottleKey(`ip:${source.address}`),
    account: hashThrottleKey(`account:${source.account}`),
    addressMember: hashThrottleKey(`member:${source.address}`),
  };
}

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
  addressMember: string;
}

/**
 * Times (ms) still in the window, oldest first: of each attempt for the pair and the address,
 * of each address's latest attempt for the account.
 */
export type AttemptTimes = Record<'pair' | 'address' | 'account', readonly number[]>;

const limitWait = (times: readonly number[], max: number, now: number, windowMs: number) => {
  // Held back until the max-th most recent attempt leaves the window.
  const decisive = times[times.length - max];
  return times.length >= max && decisive !== undefined ? decisive + windowMs - now : 0;
};

/** The account's delay once `addresses` have failed at it: 2^k s past the free ones, capped. */
export const accountDelayMs = (addresses: number, limits: ThrottleLimits) =>
  Math.min(2 ** (addresses - limits.accountFree + 1) * 1000, limits.accountDelayCapMs);

/** Milliseconds before a new attempt may be verified; 0 when it may be now. */
export function waitMs(times: AttemptTimes, now: number, limits: ThrottleLimits): number {
  const { windowMs } = limits;
  const account = times.account;
  const newest = account.at(-1);
  const accountWait =
    account.length >= limits.accountFree && newest !== undefined
      ? newest + accountDelayMs(account.length, limits) - now
      : 0;
  return Math.max(
    0,
    limitWait(times.pair, limits.pairMax, now, windowMs),
    limitWait(times.address, limits.addressMax, now, windowMs),
    accountWait,
  );
}
