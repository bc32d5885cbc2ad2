import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import type { Migration } from '../migration';
import { migrate } from './migrate';

export interface OpenSqliteOptions {
  /** Off only when the rows a foreign key names live in another store. */
  foreignKeys?: boolean;
}

/**
 * Opens (creating on first start) `file` in `dir` and brings its schema up to date. WAL and a
 * busy timeout let a second process (the users CLI) write while the server runs.
 * The folder is made 0700 and the database with its -wal and -shm files 0600 at every open:
 * mkdirSync's mode only reaches a folder it creates (through the umask), and SQLite creates its
 * files 0644 under the usual umask, so a DATA_DIR made by hand or by an older version would
 * otherwise stay readable by every local user (password hashes, sessions, the audit trail).
 */
export function openSqliteFile(
  dir: string,
  file: string,
  migrations: readonly Migration[],
  options: OpenSqliteOptions = {},
): Database {
  const resolved = path.resolve(dir);
  mkdirSync(resolved, { recursive: true, mode: 0o700 });
  privateFolder(resolved);
  const filePath = path.join(resolved, file);
  // Created private before SQLite opens it; its -wal and -shm then take the same mode.
  closeSync(openSync(filePath, 'a', 0o600));
  chmodSync(filePath, 0o600);
  const db = new Sqlite(filePath);
  db.pragma('journal_mode = WAL');
  prepare(db, migrations, options);
  for (const companion of [`${filePath}-wal`, `${filePath}-shm`]) {
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

/** A private in-memory database with the full schema (tests, and a console without DATA_DIR). */
export function openSqliteMemory(
  migrations: readonly Migration[],
  options: OpenSqliteOptions = {},
): Database {
  return prepare(new Sqlite(':memory:'), migrations, options);
}

function prepare(db: Database, migrations: readonly Migration[], options: OpenSqliteOptions) {
  db.pragma('busy_timeout = 5000');
  db.pragma(`foreign_keys = ${options.foreignKeys === false ? 'OFF' : 'ON'}`);
  migrate(db, migrations);
  return db;
}
