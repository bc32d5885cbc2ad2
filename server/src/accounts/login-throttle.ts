import type { Database } from 'better-sqlite3';
import type { Clock } from '../lib/clock';
import {
  type AttemptSource,
  type AttemptTimes,
  DEFAULT_THROTTLE,
  type ThrottleLimits,
  throttleKeys,
  waitMs,
} from './throttle-rule';

export { DEFAULT_THROTTLE, hashThrottleKey, type ThrottleLimits } from './throttle-rule';

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
 * The throttle in SQLite, so a restart does not reset it, on the injected clock. One IMMEDIATE
 * transaction reads the three counters and inserts the reservation, so two processes on the
 * same file cannot both take the last attempt. Chosen over rate-limiter-flexible's SQLite store,
 * which reads Date.now() and creates its own table outside our versioned migrations.
 */
export function createSqliteLoginThrottle(
  db: Database,
  clock: Clock,
  limits: ThrottleLimits = DEFAULT_THROTTLE,
): LoginThrottle {
  const recent = db.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at');
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  // The table only ever holds one window of attempts: small enough to sweep whole.
  const sweep = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  const removeRow = db.prepare('DELETE FROM login_failures WHERE rowid = ?');
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');

  const reserve = db.transaction((source: AttemptSource, now: number): Reservation => {
    sweep.run(now - limits.windowMs);
    const keys = throttleKeys(source);
    const times = (key: string) =>
      (recent.all(key, now - limits.windowMs) as { at: number }[]).map((r) => r.at);
    const held: AttemptTimes = {
      pair: times(keys.pair),
      address: times(keys.address),
      account: times(keys.account),
    };
    const wait = waitMs(held, now, limits);
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    // The ticket names the three rows, so a release removes exactly this attempt.
    const rows = [keys.pair, keys.address, keys.account].map((key) =>
      String(insert.run(key, now).lastInsertRowid),
    );
    return { ok: true, ticket: rows.join(',') };
  });
  const release = db.transaction((ticket: string) => {
    for (const row of ticket.split(',')) removeRow.run(Number(row));
  });
  const succeeded = db.transaction((source: AttemptSource, ticket: string) => {
    release(ticket);
    const keys = throttleKeys(source);
    clear.run(keys.pair);
    clear.run(keys.account);
  });

  return {
    reserve: async (source) => reserve.immediate(source, clock.now()),
    release: async (_source, ticket) => release.immediate(ticket),
    succeeded: async (source, ticket) => succeeded.immediate(source, ticket),
  };
}
