// Test-only: accounts, sessions and the audit trail for the console under test, wired in the
// order the console uses (runtime/api-routers.ts), with one admin the suites sign in as.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import { type Accounts, createAccounts } from '../../src/accounts/accounts';
import { createPasswordHasher } from '../../src/accounts/passwords';
import { systemClock } from '../../src/lib/clock';
import { consoleApiRouters } from '../../src/runtime/api-routers';
import { openMemoryDatabase } from '../../src/runtime/console-database';
import { type ConsoleStore, openConsoleStore } from '../../src/runtime/console-store';
import { TEST_SCRYPT } from '../support/test-console';
import type { LeakSource } from './secret-scan';

export interface ConsoleAccounts {
  /** The in-memory SQLite database holding users, sessions and the audit trail. */
  db: Database;
  store: ConsoleStore;
  accounts: Accounts;
  admin: { username: string; password: string };
  /** Every /api router of the console, in its order, with `stocks` in its place. */
  routers(stocks: Router): Router[];
  /** The admin's password, every password hash and issued session id; the audit rows. */
  leakSource(sessionIds: readonly string[]): LeakSource;
}

export async function startAccounts(): Promise<ConsoleAccounts> {
  const clock = systemClock;
  // Opened here, not by the store: the leak scan reads its rows.
  const db = openMemoryDatabase();
  const store = await openConsoleStore({ timeoutMs: 2_000, clock, sqlite: db });
  const { audit, users } = store;
  const hasher = createPasswordHasher(TEST_SCRYPT);
  const accounts = createAccounts({
    users,
    clock,
    audit,
    hasher,
    sessionStore: store.sessions,
    throttle: store.throttle,
  });
  const admin = { username: 'reliability', password: `Rel-${randomBytes(12).toString('hex')}` };
  const passwordHash = await hasher.hash(admin.password);
  await users.create({ username: admin.username, role: 'admin', passwordHash });

  return {
    db,
    store,
    accounts,
    admin,
    routers: (stocks) =>
      consoleApiRouters({
        accounts,
        audit,
        auditQueries: store.auditQueries,
        clock,
        sandbox: true,
        audited: [stocks],
      }),
    leakSource: (sessionIds) => () => {
      const hashes = db.prepare('SELECT username, password_hash FROM users').all() as {
        username: string;
        password_hash: string;
      }[];
      const rows = db.prepare('SELECT * FROM audit_log').all();
      return {
        secrets: [
          { label: 'admin password', value: admin.password },
          ...hashes.map((h) => ({
            label: `password hash of ${h.username}`,
            value: h.password_hash,
          })),
          ...sessionIds.map((id, i) => ({ label: `session id ${i + 1}`, value: id })),
        ],
        haystacks: rows.map((row, i) => ({
          label: `audit row ${i + 1}`,
          text: JSON.stringify(row),
        })),
      };
    },
  };
}
