import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import type { AuditLog } from '../audit/audit-log';
import type { DemoLoginResponse } from '../contract/auth';
import type { Clock } from '../lib/clock';
import { accessGuard } from './access-guard';
import { adminUsersRouter } from './admin-routes';
import { authRouter } from './auth-routes';
import {
  createHashingGate,
  DEFAULT_HASHING_GATE,
  gatedHasher,
  type HashingGate,
  type HashingGateLimits,
} from './hashing-gate';
import {
  createSqliteLoginThrottle,
  type LoginThrottle,
  type ThrottleLimits,
} from './login-throttle';
import { createPasswordHasher, type PasswordHasher } from './passwords';
import type { SessionStore } from './session-store';
import { createSessions, DEFAULT_TIMEOUTS, type Sessions, type SessionTimeouts } from './sessions';
import { createSqliteSessionStore } from './sqlite-session-store';
import { createUserAdmin, type UserAdmin } from './user-admin';
import type { UserStore } from './users';

export interface AccountsOptions {
  /** Sessions and login throttling, unless a shared store is given for them. */
  db: Database;
  /** The accounts: SQLite or PostgreSQL (see database/console-store.ts). */
  users: UserStore;
  clock: Clock;
  audit: AuditLog;
  /** Sandbox mode only: shown by GET /api/auth/demo. */
  demoLogin?: DemoLoginResponse;
  /** Tests: cheaper scrypt, shorter timeouts. Several replicas: Redis sessions and throttle. */
  hasher?: PasswordHasher;
  timeouts?: SessionTimeouts;
  throttleLimits?: ThrottleLimits;
  sessionStore?: SessionStore;
  /** Shared (Redis) login throttling for several replicas; SQLite by default. */
  throttle?: LoginThrottle;
  /** How many password hashes run and wait at once (hashing-gate.ts). */
  hashingGate?: HashingGateLimits;
}

export interface Accounts {
  users: UserStore;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** Every password hash passes it: how many run and wait now. */
  hashing: Pick<HashingGate, 'running' | 'waiting'>;
  admin: UserAdmin;
  /** Mount first under /api: sessions, CSRF and the permission table. */
  guard: Router;
  /** /api/auth/*: login, me, logout (and demo in sandbox mode). */
  authRouter: Router;
  /** /api/admin/users*. */
  adminRouter: Router;
}

/** Accounts, sessions and their routes over the console database. */
export function createAccounts(options: AccountsOptions): Accounts {
  const { db, clock, audit } = options;
  // Strangers can make the console hash at will: a bounded gate keeps libuv's pool for the rest.
  const hashing = createHashingGate(options.hashingGate ?? DEFAULT_HASHING_GATE);
  const hasher = gatedHasher(options.hasher ?? createPasswordHasher(), hashing);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const { users } = options;
  const store = options.sessionStore ?? createSqliteSessionStore(db, clock);
  const sessions = createSessions(store, clock, timeouts);
  const throttle = options.throttle ?? createSqliteLoginThrottle(db, clock, options.throttleLimits);
  const admin = createUserAdmin({ users, hasher, sessions, audit });
  // Prepares the dummy hash now, so the first unknown name costs what any other sign-in does.
  hasher.verifyNobody('').catch(() => {});
  return {
    users,
    sessions,
    throttle,
    hashing,
    admin,
    guard: accessGuard({ sessions, users, audit }),
    authRouter: authRouter({
      users,
      hasher,
      throttle,
      audit,
      clock,
      sessions,
      timeouts,
      ...(options.demoLogin ? { demoLogin: options.demoLogin } : {}),
    }),
    adminRouter: adminUsersRouter(admin),
  };
}
