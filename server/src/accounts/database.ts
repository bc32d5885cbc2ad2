import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

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
 * schema up to date. WAL and a busy timeout let the users CLI write while the server runs.
 */
export function openConsoleDatabase(dataDir: string, options: SqliteOptions = {}): Database {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = new Sqlite(path.join(dir, options.file ?? DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  return prepare(db, options);
}

/** A private in-memory database with the full schema, for tests. */
export function openMemoryDatabase(options: Pick<SqliteOptions, 'foreignKeys'> = {}): Database {
  return prepare(new Sqlite(':memory:'), options);
}

function prepare(db: Database, options: SqliteOptions): Database {
  db.pragma('busy_timeout = 5000');
  db.pragma(`foreign_keys = ${options.foreignKeys === false ? 'OFF' : 'ON'}`);
  migrate(db);
  return db;
}
