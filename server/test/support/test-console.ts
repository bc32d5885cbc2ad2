// Test-only wiring: the lead's createApp with accounts, audit and (optionally) the real stocks
// router on a real sandbox, served on 127.0.0.1 port 0, with a manual clock and captured logs.
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import request from 'supertest';
import { type Accounts, createAccounts } from '../../src/accounts/accounts';
import type { HashingGateLimits } from '../../src/accounts/hashing-gate';
import { createPasswordHasher, type PasswordHasher } from '../../src/accounts/passwords';
import type { LoginThrottle } from '../../src/accounts/store/login-throttle';
import type { SessionStore } from '../../src/accounts/store/session-store';
import { createApp } from '../../src/app';
import type { AuditLog } from '../../src/audit/store/audit-log';
import { CSRF_HEADER, type Role, sessionInfoSchema } from '../../src/contract/auth';
import { createLogger } from '../../src/http/logger';
import type { Clock } from '../../src/lib/clock';
import { consoleApiRouters } from '../../src/runtime/api-routers';
import { openMemoryDatabase } from '../../src/runtime/console-database';
import { type ConsoleStore, openConsoleStore } from '../../src/runtime/console-store';
import { createStocksRouter } from '../../src/stocks/routes';
import { manualClock } from './manual-clock';
import { type Harness, type HarnessOptions, startHarness } from './stocks-harness';

export const CREATOR = '1900000109';
/** Cheap scrypt for tests; the format and code path are the production ones. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORDS: Record<Role, string> = {
  admin: 'Harbour-Lantern-9f3k2',
  operator: 'Copper-Meadow-7c1x8',
  support: 'Violet-Canyon-4q6z0',
};

export interface Session {
  username: string;
  role: Role;
  cookie: string;
  /** The raw session id from Set-Cookie, to prove it never appears anywhere else. */
  sessionId: string;
  csrf: string;
}

export interface TestConsole {
  url: string;
  /** Origin header a browser on the console would send. */
  origin: string;
  /** The SQLite handle: everything by default; sessions and throttling only on PostgreSQL. */
  db: Database;
  store: ConsoleStore;
  clock: ReturnType<typeof manualClock>;
  audit: AuditLog;
  accounts: Accounts;
  logs: string[];
  harness?: Harness;
  http: () => ReturnType<typeof request>;
  login(username: string, password: string): Promise<request.Response>;
  signIn(role: Role): Promise<Session>;
  /** A request carrying the session's cookie, this origin and the CSRF token. */
  as(session: Session, method: 'get' | 'post', path: string): request.Test;
  close(): Promise<void>;
}

export interface TestConsoleOptions {
  stocks?: boolean;
  /** The stocks harness's options (a gate holding a walk, say). */
  harness?: HarnessOptions;
  /** Trust X-Forwarded-For from loopback, so a test can speak for several client IPs. */
  trustProxy?: boolean;
  /** Routers mounted where the stocks router goes, after the audit trail. */
  routers?: Router[];
  /** Wraps the (cheap) password hasher, e.g. to count derivations. */
  wrapHasher?: (hasher: PasswordHasher) => PasswordHasher;
  /** Shared (Redis) sessions and login throttling, built on the console's clock. */
  sessionStore?: (clock: Clock) => SessionStore;
  throttle?: (clock: Clock) => LoginThrottle;
  /** Users and audit in this PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** The password hashing gate's bounds (production's by default). */
  hashingGate?: HashingGateLimits;
  /** The built web app to serve from memory. */
  webDistDir?: string;
  /** How long a PostgreSQL call may take (SHARED_STORE_TIMEOUT_MS); 2 s by default. */
  storeTimeoutMs?: number;
  /** CONSOLE_PUBLIC_URL's origins. */
  publicOrigins?: readonly string[];
  /** API_RATE_LIMIT_PER_MINUTE; 100,000 by default. */
  apiRateLimitPerMinute?: number;
  /** How often open event streams re-check their session. */
  streamCheckMs?: number;
}

export async function startTestConsole(options: TestConsoleOptions = {}): Promise<TestConsole> {
  const clock = manualClock(Date.parse('2026-03-02T01:00:00Z'));
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  // Opened here, not by the store: the tests read its rows.
  const db = openMemoryDatabase({ foreignKeys: !options.databaseUrl });
  const store = await openConsoleStore({
    sqlite: db,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    timeoutMs: options.storeTimeoutMs ?? 2_000,
    clock,
    logger,
  });
  const { audit, users } = store;
  const plain = createPasswordHasher(TEST_SCRYPT);
  const hasher = options.wrapHasher?.(plain) ?? plain;
  const accounts = createAccounts({
    users,
    clock,
    audit,
    hasher,
    ...(options.streamCheckMs ? { streamCheckMs: options.streamCheckMs } : {}),
    sessionStore: options.sessionStore?.(clock) ?? store.sessions,
    throttle: options.throttle?.(clock) ?? store.throttle,
    ...(options.hashingGate ? { hashingGate: options.hashingGate } : {}),
  });
  for (const role of ['admin', 'operator', 'support'] as const) {
    await users.create({
      username: role,
      role,
      passwordHash: await hasher.hash(PASSWORDS[role]),
    });
  }
  const harness = options.stocks ? await startHarness(options.harness) : undefined;
  const app = createApp({
    mode: 'sandbox',
    version: 'test',
    logger,
    apiRateLimitPerMinute: options.apiRateLimitPerMinute ?? 100_000,
    clientKey: accounts.clientKey,
    ...(options.publicOrigins ? { publicOrigins: options.publicOrigins } : {}),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
    apiRouters: consoleApiRouters({
      accounts,
      audit,
      auditQueries: store.auditQueries,
      clock,
      sandbox: true,
      audited: [
        ...(options.routers ?? []),
        ...(harness ? [createStocksRouter({ client: harness.client, scans: harness.scans })] : []),
      ],
    }),
  });
  if (options.trustProxy) app.set('trust proxy', 'loopback');
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const http = () => request(url);

  const login = (username: string, password: string) =>
    http().post('/api/auth/login').set('Origin', url).send({ username, password });

  return {
    url,
    origin: url,
    db,
    store,
    clock,
    audit,
    accounts,
    logs,
    harness,
    http,
    login,
    async signIn(role) {
      const res = await login(role, PASSWORDS[role]);
      if (res.status !== 200) throw new Error(`sign-in as ${role}: ${res.status} ${res.text}`);
      const info = sessionInfoSchema.parse(res.body);
      const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
      return { ...info, cookie, sessionId: cookie.split('=')[1] ?? '', csrf: info.csrf_token };
    },
    as(session, method, path) {
      return http()
        [method](path)
        .set('Cookie', session.cookie)
        .set('Origin', url)
        .set(CSRF_HEADER, session.csrf);
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await harness?.close();
      await store.close();
    },
  };
}
