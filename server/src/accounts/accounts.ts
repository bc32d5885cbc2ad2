import type { Request, Router } from 'express';
import type { AuditLog } from '../audit/store/audit-log';
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
import { createPasswordHasher, type PasswordHasher } from './passwords';
import { createSessionStreams, endingStreams, type SessionStreams } from './session-streams';
import { createSessions, DEFAULT_TIMEOUTS, type Sessions, type SessionTimeouts } from './sessions';
import { type SessionOfRequest, sessionOfRequest } from './signed-in';
import type { LoginThrottle } from './store/login-throttle';
import type { SessionStore } from './store/session-store';
import type { UserStore } from './store/users';
import { createUserAdmin, type UserAdmin } from './user-admin';

export interface AccountsOptions {
  /** The accounts: SQLite or PostgreSQL (see runtime/console-store.ts). */
  users: UserStore;
  clock: Clock;
  audit: AuditLog;
  /** Sandbox mode only: shown by GET /api/auth/demo. */
  demoLogin?: DemoLoginResponse;
  /** Tests: cheaper scrypt, shorter timeouts. */
  hasher?: PasswordHasher;
  timeouts?: SessionTimeouts;
  /** Where sessions live: this replica's SQLite, or Redis shared by several replicas. */
  sessionStore: SessionStore;
  /** Sign-in throttling: this replica's SQLite, or Redis shared by several replicas. */
  throttle: LoginThrottle;
  /** How many password hashes run and wait at once (hashing-gate.ts). */
  hashingGate?: HashingGateLimits;
  /** How often open event streams re-check their session (tests: a few ms). */
  streamCheckMs?: number;
}

export interface Accounts {
  users: UserStore;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** Every password hash passes it: how many run and wait now. */
  hashing: Pick<HashingGate, 'running' | 'waiting'>;
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

/** Accounts, sessions and their routes over the stores they are given. */
export function createAccounts(options: AccountsOptions): Accounts {
  const { clock, audit } = options;
  // Strangers can make the console hash at will: a bounded gate keeps libuv's pool for the rest.
  const hashing = createHashingGate(options.hashingGate ?? DEFAULT_HASHING_GATE);
  const hasher = gatedHasher(options.hasher ?? createPasswordHasher(), hashing);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const { users } = options;
  const store = options.sessionStore;
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
  const { throttle } = options;
  const admin = createUserAdmin({ users, hasher, sessions, audit });
  // Prepares the dummy hash now, so the first unknown name costs what any other sign-in does.
  hasher.verifyNobody('').catch(() => {});
  return {
    users,
    sessions,
    throttle,
    hashing,
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
      gate: hashing,
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
