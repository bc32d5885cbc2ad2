import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { LOGIN_THROTTLE } from '../../contract/auth';
import type { Clock } from '../../lib/clock';

export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  maxFailures: LOGIN_THROTTLE.maxFailures,
  windowMs: LOGIN_THROTTLE.windowMinutes * 60_000,
};

/** Failed sign-ins counted per key (an account name, a client IP) in a sliding window. */
export interface LoginThrottle {
  /** Seconds until any of these keys may try again; 0 when none is locked. */
  retryAfterSeconds(keys: readonly string[]): Promise<number>;
  recordFailure(keys: readonly string[]): Promise<void>;
  /** Forgets a key's failures (the account after a successful sign-in). */
  clear(key: string): Promise<void>;
}

/** A name typed at the login form may be a password typed in the wrong box: keep only a hash. */
export const hashThrottleKey = (key: string) =>
  createHash('sha256').update(key).digest('base64url');

/**
 * OWASP Authentication, "login throttling": at most `maxFailures` failures per key within
 * `windowMs`, in SQLite so a restart does not reset it, on the injected clock. Chosen over
 * rate-limiter-flexible's SQLite store, which reads Date.now() (our tests move an injected
 * clock) and creates its own table outside our versioned migrations.
 */
export function createSqliteLoginThrottle(
  db: Database,
  clock: Clock,
  limits: ThrottleLimits = DEFAULT_THROTTLE,
): LoginThrottle {
  const recent = db.prepare(
    'SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?',
  );
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  // The table only ever holds one window of failures: small enough to sweep whole.
  const sweep = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');

  return {
    async retryAfterSeconds(keys) {
      const now = clock.now();
      let waitMs = 0;
      for (const key of keys) {
        const rows = recent.all(
          hashThrottleKey(key),
          now - limits.windowMs,
          limits.maxFailures,
        ) as {
          at: number;
        }[];
        // Locked until the oldest of the last `maxFailures` failures leaves the window.
        const oldest = rows[limits.maxFailures - 1];
        if (oldest) waitMs = Math.max(waitMs, oldest.at + limits.windowMs - now);
      }
      return Math.ceil(waitMs / 1000);
    },
    async recordFailure(keys) {
      const now = clock.now();
      db.transaction(() => {
        sweep.run(now - limits.windowMs);
        for (const key of keys) insert.run(hashThrottleKey(key), now);
      })();
    },
    async clear(key) {
      clear.run(hashThrottleKey(key));
    },
  };
}
