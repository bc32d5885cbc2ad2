import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

export const DATABASE_FILE = 'console.sqlite';

/**
 * Opens (creating on first start) the console's SQLite database in `dataDir` and brings its
 * schema up to date. WAL and a busy timeout let the users CLI write while the server runs.
 */
export function openConsoleDatabase(dataDir: string): Database {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = new Sqlite(path.join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  return prepare(db);
}

/** A private in-memory database with the full schema, for tests. */
export function openMemoryDatabase(): Database {
  return prepare(new Sqlite(':memory:'));
}

function prepare(db: Database): Database {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
