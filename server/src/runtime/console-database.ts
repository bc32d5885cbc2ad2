import type { Database } from 'better-sqlite3';
import { openSqliteFile, openSqliteMemory } from '../infra/sqlite/open';
import { SQLITE_MIGRATIONS } from './console-schema';

export const DATABASE_FILE = 'console.sqlite';

export interface SqliteOptions {
  /** The file in the data directory; DATABASE_FILE unless users live elsewhere. */
  file?: string;
  /**
   * Off only when users live in PostgreSQL: sessions then name users this file does not hold,
   * so their reference to its (empty) users table cannot be enforced.
   */
  foreignKeys?: boolean;
}

/**
 * Opens (creating on first start) the console's SQLite database in `dataDir` and brings its
 * schema up to date.
 */
export function openConsoleDatabase(dataDir: string, options: SqliteOptions = {}): Database {
  return openSqliteFile(dataDir, options.file ?? DATABASE_FILE, SQLITE_MIGRATIONS, options);
}

/** A private in-memory database with the full schema, for tests. */
export function openMemoryDatabase(options: Pick<SqliteOptions, 'foreignKeys'> = {}): Database {
  return openSqliteMemory(SQLITE_MIGRATIONS, options);
}
