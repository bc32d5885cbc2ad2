import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Clock } from '../lib/clock';
import type { ConsoleStore } from './console-store';
import { createPostgresAuditLog } from './postgres-audit-log';
import { createPostgresAuditPurge } from './postgres-audit-purge';
import { createPostgresAuditQueries } from './postgres-audit-query';
import { migratePostgres } from './postgres-migrations';
import { createPostgresPool } from './postgres-pool';
import { isPostgresUnavailable } from './postgres-unavailable';
import { createPostgresUserStore } from './postgres-user-store';

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
    const applied = await migratePostgres(pool);
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
    sqlite,
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
