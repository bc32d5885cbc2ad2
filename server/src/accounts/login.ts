import type { AuditLog } from '../audit/store/audit-log';
import type { LoginRequest } from '../contract/auth';
import { ApiError, apiError } from '../http/api-error';
import type { Clock } from '../lib/clock';
import type { HashingGate } from './hashing-gate';
import type { PasswordHasher } from './passwords';
import type { LoginThrottle } from './store/login-throttle';
import type { User, UserStore } from './store/users';

export interface LoginDeps {
  users: UserStore;
  /** Passes a bounded hashing gate (hashing-gate.ts): a full queue answers SIGN_IN_BUSY. */
  hasher: PasswordHasher;
  /** The hasher's gate: a sign-in it would refuse is refused before anything is read or written. */
  gate?: Pick<HashingGate, 'admit'>;
  throttle: LoginThrottle;
  audit: AuditLog;
  clock: Clock;
}

// One message for a wrong password, an unknown name and a disabled account.
const WRONG = 'Wrong username or password';

function throttled(seconds: number, now: number) {
  const until = new Date(now + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} s` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return apiError(
    'RATE_LIMITED',
    `Too many failed sign-ins: try again after ${until} (in ${wait})`,
    {
      retryAfterSeconds: seconds,
    },
  );
}

/**
 * OWASP Authentication, "authentication responses" and "login throttling": the same answer and
 * about the same time whether the name exists or not (a full scrypt for unknown names too). The
 * attempt is reserved with the throttle before any hashing (decision 011), so parallel attempts
 * cannot all be verified. The name typed is kept in the audit row only when it is an account: a
 * password typed in the wrong box stays out.
 */
export async function verifyLogin(deps: LoginDeps, input: LoginRequest, ip: string): Promise<User> {
  const { users, hasher, throttle, audit, clock } = deps;
  const source = { account: input.username, address: ip };
  // A full gate refuses now, at no cost to the throttle or the database (decision 011).
  deps.gate?.admit();
  const user = await users.find(input.username);
  const failed = (outcome: string) =>
    audit.append({
      username: user?.username ?? null,
      role: user?.role ?? null,
      action: 'login_failed',
      outcome,
      clientIp: ip,
      detail: user ? (user.disabled ? 'account disabled' : 'wrong password') : 'unknown name',
    });

  const reservation = await throttle.reserve(source);
  if (!reservation.ok) {
    await failed('RATE_LIMITED');
    throw throttled(reservation.retryAfterSeconds, clock.now());
  }
  let ok: boolean;
  try {
    ok =
      user && !user.disabled
        ? await hasher.verify(input.password, user.passwordHash)
        : await hasher.verifyNobody(input.password);
  } catch (error) {
    // Not verified (the hashing queue was full): the attempt counts for nothing.
    if (error instanceof ApiError) await throttle.release(source, reservation.ticket);
    throw error;
  }
  if (!ok || !user || user.disabled) {
    await failed('UNAUTHENTICATED');
    throw apiError('UNAUTHENTICATED', WRONG);
  }
  await throttle.succeeded(source, reservation.ticket);
  return user;
}
