import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../lib/clock';
import {
  type AttemptSource,
  DEFAULT_THROTTLE,
  type ThrottleLimits,
  throttleKeys,
  waitMs,
} from '../throttle-rule';

export { DEFAULT_THROTTLE, hashThrottleKey, type ThrottleLimits } from '../throttle-rule';

export type Reservation = { ok: true; ticket: string } | { ok: false; retryAfterSeconds: number };

/**
 * Sign-in attempts counted per (account, address) pair, per address and per account (decision
 * 011). An attempt is reserved before its password is hashed, in one atomic step, so however
 * many arrive at once no more are verified than the limits allow.
 */
export interface LoginThrottle {
  /** Counts the attempt as a failure now, or answers how long it must wait (nothing counted). */
  reserve(source: AttemptSource): Promise<Reservation>;
  /** The attempt was never verified (the hashing queue was full): it counts for nothing. */
  release(source: AttemptSource, ticket: string): Promise<void>;
  /** The right password: this attempt is no failure, and the account and pair start afresh. */
  succeeded(source: AttemptSource, ticket: string): Promise<void>;
}

/**
 * The throttle in SQLite, so a restart does not reset it, on the injected clock: one row per
 * member of a counter, like Redis' sorted sets. One IMMEDIATE transaction reads the three
 * counters and adds the reservation, so two processes on one file cannot both take the last
 * attempt. Chosen over rate-limiter-flexible's SQLite store, which reads Date.now() and keeps
 * its own table outside our versioned migrations.
 */
export function createSqliteLoginThrottle(
  db: Database,
  clock: Clock,
  limits: ThrottleLimits = DEFAULT_THROTTLE,
): LoginThrottle {
  const recent = db.prepare(
    'SELECT at FROM login_attempts WHERE counter = ? AND at > ? ORDER BY at',
  );
  const upsert = db.prepare(
    'INSERT INTO login_attempts (counter, member, at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at',
  );
  // The table only ever holds one window of attempts: small enough to sweep whole.
  const sweep = db.prepare('DELETE FROM login_attempts WHERE at <= ?');
  const remove = db.prepare('DELETE FROM login_attempts WHERE counter = ? AND member = ?');
  const clear = db.prepare('DELETE FROM login_attempts WHERE counter = ?');
  const timesOf = (counter: string, since: number) =>
    (recent.all(counter, since) as { at: number }[]).map((row) => row.at);

  const reserve = db.transaction((source: AttemptSource, now: number) => {
    const since = now - limits.windowMs;
    sweep.run(since);
    const keys = throttleKeys(source);
    const held = {
      pair: timesOf(keys.pair, since),
      address: timesOf(keys.address, since),
      account: timesOf(keys.account, since),
    };
    const wait = waitMs(held, now, limits);
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) } as const;
    const ticket = randomUUID();
    upsert.run(keys.pair, ticket, now);
    upsert.run(keys.address, ticket, now);
    upsert.run(keys.account, keys.addressMember, now);
    return { ok: true, ticket } as const;
  });
  // The account keeps the address: it did try, even if this attempt was never verified.
  const release = db.transaction((source: AttemptSource, ticket: string) => {
    const keys = throttleKeys(source);
    remove.run(keys.pair, ticket);
    remove.run(keys.address, ticket);
  });
  const succeeded = db.transaction((source: AttemptSource, ticket: string) => {
    const keys = throttleKeys(source);
    remove.run(keys.address, ticket);
    clear.run(keys.pair);
    clear.run(keys.account);
  });

  return {
    reserve: async (source) => reserve.immediate(source, clock.now()),
    release: async (source, ticket) => release.immediate(source, ticket),
    succeeded: async (source, ticket) => succeeded.immediate(source, ticket),
  };
}
