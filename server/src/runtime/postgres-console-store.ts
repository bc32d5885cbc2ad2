import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { createSqliteLoginThrottle } from '../accounts/store/login-throttle';
import { createPostgresUserStore } from '../accounts/store/postgres-user-store';
import { createSqliteSessionStore } from '../accounts/store/sqlite-session-store';
import { createPostgresAuditLog } from '../audit/store/postgres-audit-log';
import { createPostgresAuditPurge } from '../audit/store/postgres-audit-purge';
import { createPostgresAuditQueries } from '../audit/store/postgres-audit-query';
import { migratePostgres } from '../infra/postgres/migrate';
import { createPostgresPool } from '../infra/postgres/pool';
import { isPostgresUnavailable } from '../infra/postgres/unavailable';
import type { Clock } from '../lib/clock';
import { POSTGRES_MIGRATIONS } from './console-schema';
import type { ConsoleStore } from './console-store-type';

/**
 * Users and the audit trail in PostgreSQL, migrated before first use; sessions and throttling in
 * `sqlite`. A PostgreSQL that cannot be reached at start stops the start, with the reason.
 */
export async function openPostgresStore(options: {
  url: string;
  timeoutMs: number;
  clock: Clock;
  logger?: Logger;
  sqlite: Database;
}): Promise<ConsoleStore> {
  const { clock, sqlite } = options;
  const pool = createPostgresPool(options);
  try {
    const applied = await migratePostgres(pool, POSTGRES_MIGRATIONS);
    if (applied.length > 0) options.logger?.info({ applied }, 'PostgreSQL schema migrated');
  } catch (error) {
    await pool.end();
    if (!isPostgresUnavailable(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL (DATABASE_URL) cannot be reached: ${reason}`, { cause: error });
  }
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    users: createPostgresUserStore(pool, clock),
    audit: createPostgresAuditLog(pool, clock),
    auditQueries: createPostgresAuditQueries(pool),
    purge: createPostgresAuditPurge(pool),
    sessions: createSqliteSessionStore(sqlite, clock),
    throttle: createSqliteLoginThrottle(sqlite, clock),
    async healthy() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close() {
      closing ??= pool.end().finally(() => {
        if (sqlite.open) sqlite.close();
      });
      return closing;
    },
  };
}
