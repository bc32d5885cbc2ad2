import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
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
 * The folder is made 0700 and the database with its -wal and -shm files 0600 at every open:
 * mkdirSync's mode only reaches a folder it creates (through the umask), and SQLite creates its
 * files 0644 under the usual umask, so a DATA_DIR made by hand or by an older version would
 * otherwise stay readable by every local user (password hashes, sessions, the audit trail).
 */
export function openConsoleDatabase(dataDir: string, options: SqliteOptions = {}): Database {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  privateFolder(dir);
  const file = path.join(dir, options.file ?? DATABASE_FILE);
  // Created private before SQLite opens it; its -wal and -shm then take the same mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  prepare(db, options);
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, 0o600);
  }
  return db;
}

/** 0700, unless the folder is a shared one (sticky bit, like /tmp): that is refused. */
function privateFolder(dir: string): void {
  if ((statSync(dir).mode & 0o1000) !== 0) {
    throw new Error(
      `DATA_DIR ${dir} is a shared folder (sticky bit set): give the console a folder of its own`,
    );
  }
  chmodSync(dir, 0o700);
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
