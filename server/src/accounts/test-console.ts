// Test-only wiring: the lead's createApp with accounts, audit and (optionally) the real stocks
// router on a real sandbox, served on 127.0.0.1 port 0, with a manual clock and captured logs.
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import request from 'supertest';
import { createApp } from '../app';
import { type AuditLog, createAuditLog } from '../audit/audit-log';
import { CSRF_HEADER, type Role, sessionInfoSchema } from '../contract/auth';
import { createLogger } from '../http/logger';
import { consoleApiRouters } from '../runtime/api-routers';
import { manualClock } from '../sandbox/test-clock';
import { createStocksRouter } from '../stocks/routes';
import { type Harness, startHarness } from '../stocks/test-harness';
import { type Accounts, createAccounts } from './accounts';
import { openMemoryDatabase } from './database';
import { createPasswordHasher, type PasswordHasher } from './passwords';

export const CREATOR = '1900000109';
/** Cheap scrypt for tests; the format and code path are the production ones. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORDS: Record<Role, string> = {
  admin: 'admin-Secret-9f3k2',
  operator: 'operator-Secret-7c1x8',
  support: 'support-Secret-4q6z0',
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
  db: Database;
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
  /** Trust X-Forwarded-For from loopback, so a test can speak for several client IPs. */
  trustProxy?: boolean;
  /** Routers mounted where the stocks router goes, after the audit trail. */
  routers?: Router[];
  /** Wraps the (cheap) password hasher, e.g. to count derivations. */
  wrapHasher?: (hasher: PasswordHasher) => PasswordHasher;
}

export async function startTestConsole(options: TestConsoleOptions = {}): Promise<TestConsole> {
  const db = openMemoryDatabase();
  const clock = manualClock(Date.parse('2026-03-02T01:00:00Z'));
  const audit = createAuditLog(db, clock);
  const plain = createPasswordHasher(TEST_SCRYPT);
  const hasher = options.wrapHasher?.(plain) ?? plain;
  const accounts = createAccounts({ db, clock, audit, hasher });
  for (const role of ['admin', 'operator', 'support'] as const) {
    accounts.users.create({
      username: role,
      role,
      passwordHash: await hasher.hash(PASSWORDS[role]),
    });
  }
  const harness = options.stocks ? await startHarness() : undefined;
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const app = createApp({
    mode: 'sandbox',
    version: 'test',
    logger,
    apiRateLimitPerMinute: 100_000,
    apiRouters: consoleApiRouters({
      accounts,
      db,
      audit,
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
      db.close();
    },
  };
}
