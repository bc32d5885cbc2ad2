import type { AuditLog } from '../audit/store/audit-log';
import type { LoginRequest } from '../contract/auth';
import { apiError } from '../http/api-error';
import type { Clock } from '../lib/clock';
import type { PasswordHasher } from './passwords';
import type { LoginThrottle } from './store/login-throttle';
import type { User, UserStore } from './store/users';

export interface LoginDeps {
  users: UserStore;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  audit: AuditLog;
  clock: Clock;
}

// One message for a wrong password, an unknown name and a disabled account.
const WRONG = 'Wrong username or password';

function throttled(seconds: number, now: number) {
  const until = new Date(now + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const minutes = Math.ceil(seconds / 60);
  return apiError(
    'RATE_LIMITED',
    `Too many failed sign-ins: try again after ${until} (in ${minutes} minute${minutes === 1 ? '' : 's'})`,
    { retryAfterSeconds: seconds },
  );
}

/**
 * OWASP Authentication, "authentication responses" and "login throttling": the same answer and
 * about the same time whether the name exists or not (a full scrypt for unknown names too), and
 * at most 5 failures per account name and per client IP in 15 minutes. The name typed is kept
 * in the audit row only when it is an account: a password typed in the wrong box stays out.
 */
export async function verifyLogin(deps: LoginDeps, input: LoginRequest, ip: string): Promise<User> {
  const { users, hasher, throttle, audit, clock } = deps;
  const accountKey = `account:${input.username}`;
  const keys = [accountKey, `ip:${ip}`];
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

  const wait = await throttle.retryAfterSeconds(keys);
  if (wait > 0) {
    await failed('RATE_LIMITED');
    throw throttled(wait, clock.now());
  }
  const ok =
    user && !user.disabled
      ? await hasher.verify(input.password, user.passwordHash)
      : await hasher.verifyNobody(input.password);
  if (!ok || !user || user.disabled) {
    await throttle.recordFailure(keys);
    await failed('UNAUTHENTICATED');
    throw apiError('UNAUTHENTICATED', WRONG);
  }
  await throttle.clear(accountKey);
  return user;
}
