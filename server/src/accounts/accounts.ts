import type { Database } from 'better-sqlite3';
import type { Request, Router } from 'express';
import type { AuditLog } from '../audit/audit-log';
import type { DemoLoginResponse } from '../contract/auth';
import type { Clock } from '../lib/clock';
import { accessGuard } from './access-guard';
import { adminUsersRouter } from './admin-routes';
import { authRouter } from './auth-routes';
import {
  createSqliteLoginThrottle,
  type LoginThrottle,
  type ThrottleLimits,
} from './login-throttle';
import { createPasswordHasher, type PasswordHasher } from './passwords';
import type { SessionStore } from './session-store';
import { createSessionStreams, endingStreams, type SessionStreams } from './session-streams';
import { createSessions, DEFAULT_TIMEOUTS, type Sessions, type SessionTimeouts } from './sessions';
import { type SessionOfRequest, sessionOfRequest } from './signed-in';
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
  /** How often open event streams re-check their session (tests: a few ms). */
  streamCheckMs?: number;
}

export interface Accounts {
  users: UserStore;
  sessions: Sessions;
  throttle: LoginThrottle;
  admin: UserAdmin;
  /** Open event streams per session, ended with their session. */
  streams: SessionStreams;
  /** The request's session and user, resolved once per request. */
  sessionOf: SessionOfRequest;
  /** The API rate limit's key of a signed-in request (`user:<id>`); undefined when anonymous. */
  clientKey(req: Request): Promise<string | undefined>;
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
  const hasher = options.hasher ?? createPasswordHasher();
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const { users } = options;
  const store = options.sessionStore ?? createSqliteSessionStore(db, clock);
  const streams = createSessionStreams({
    async stillOpen(idHash) {
      const session = await store.get(idHash);
      if (!session || clock.now() >= session.expiresAt) return false;
      const user = await users.byId(session.userId);
      return Boolean(user && !user.disabled);
    },
    ...(options.streamCheckMs ? { checkEveryMs: options.streamCheckMs } : {}),
  });
  const sessions = endingStreams(createSessions(store, clock, timeouts), streams);
  const sessionOf = sessionOfRequest(sessions, users);
  const throttle = options.throttle ?? createSqliteLoginThrottle(db, clock, options.throttleLimits);
  const admin = createUserAdmin({ users, hasher, sessions, audit });
  // Prepares the dummy hash now, so the first unknown name costs what any other sign-in does.
  hasher.verifyNobody('').catch(() => {});
  return {
    users,
    sessions,
    throttle,
    admin,
    streams,
    sessionOf,
    async clientKey(req) {
      const { user } = await sessionOf(req);
      return user && !user.disabled ? `user:${user.id}` : undefined;
    },
    guard: accessGuard({ sessions, sessionOf, streams, audit }),
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
