import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { tallyFailedSignIns } from '../audit/failed-sign-ins';
import type { Clock } from '../lib/clock';
import { openConsoleDatabase, openMemoryDatabase } from './console-database';
import type { ConsoleStore } from './console-store-type';
import { openPostgresStore } from './postgres-console-store';
import { sqliteStore } from './sqlite-console-store';

export type { ConsoleStore } from './console-store-type';

export interface ConsoleStoreOptions {
  /** The SQLite database's directory (DATA_DIR); absent: a private in-memory one (tests). */
  dataDir?: string;
  /** Users and audit in this PostgreSQL (DATABASE_URL) instead of SQLite. */
  databaseUrl?: string;
  /** Longest a PostgreSQL connection attempt or statement may take (SHARED_STORE_TIMEOUT_MS). */
  timeoutMs: number;
  clock: Clock;
  logger?: Logger;
  /** An SQLite database already open, for tests that read its rows; DATA_DIR's otherwise. */
  sqlite?: Database;
}

// Users in PostgreSQL must not meet sessions a SQLite-only console left behind: the same user
// id names another person there. So sessions and throttling then get a file of their own.
const LOCAL_FILE = 'console-local.sqlite';

/**
 * The console's durable store, one of two: SQLite in DATA_DIR (one replica, the default), or
 * users and the audit trail in PostgreSQL shared by several replicas, migrated at open. Either
 * way failed sign-ins reach the trail tallied per address and minute (audit/failed-sign-ins.ts).
 */
export async function openConsoleStore(options: ConsoleStoreOptions): Promise<ConsoleStore> {
  return withTalliedSignIns(await openStore(options), options);
}

async function openStore(options: ConsoleStoreOptions): Promise<ConsoleStore> {
  const { dataDir, databaseUrl } = options;
  if (!databaseUrl) {
    const db = options.sqlite ?? (dataDir ? openConsoleDatabase(dataDir) : openMemoryDatabase());
    return sqliteStore(db, options.clock);
  }
  const sqlite =
    options.sqlite ??
    (dataDir
      ? openConsoleDatabase(dataDir, { file: LOCAL_FILE, foreignKeys: false })
      : openMemoryDatabase({ foreignKeys: false }));
  try {
    return await openPostgresStore({ ...options, url: databaseUrl, sqlite });
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Reads of the trail first write the open tallies; closing writes them before the store goes. */
function withTalliedSignIns(store: ConsoleStore, options: ConsoleStoreOptions): ConsoleStore {
  const audit = tallyFailedSignIns(store.audit, options.clock, options.logger);
  const queries = store.auditQueries;
  return {
    ...store,
    audit,
    auditQueries: {
      async page(query) {
        await audit.flush();
        return queries.page(query);
      },
      async *rows(filter, batch) {
        await audit.flush();
        yield* queries.rows(filter, batch);
      },
    },
    async close() {
      await audit.close();
      await store.close();
    },
  };
}
