import { mkdirSync } from 'node:fs';
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
 */
export function openSqliteFile(
  dir: string,
  file: string,
  migrations: readonly Migration[],
  options: OpenSqliteOptions = {},
): Database {
  const resolved = path.resolve(dir);
  mkdirSync(resolved, { recursive: true, mode: 0o700 });
  const db = new Sqlite(path.join(resolved, file));
  db.pragma('journal_mode = WAL');
  return prepare(db, migrations, options);
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
