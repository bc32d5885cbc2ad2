import type { Database } from 'better-sqlite3';
import { AUDIT_SCHEMA_SQL } from '../audit/audit-schema';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The console database's schema, in order. Never edit an applied migration: append a new one.
 * Users, sessions and login failures are the accounts' tables; the audit trail shares the file
 * so one backup holds both.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'support')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_login_at INTEGER
      );`,
  },
  {
    version: 2,
    name: 'sessions',
    sql: `
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expiry ON sessions (expires_at);`,
  },
  {
    version: 3,
    name: 'login_failures',
    sql: `
      CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX login_failures_key_at ON login_failures (key, at);`,
  },
  { version: 4, name: 'audit_log', sql: AUDIT_SCHEMA_SQL },
  {
    // Decision 011: attempts are reserved before hashing; the account counts addresses.
    version: 5,
    name: 'login_attempts',
    sql: `
      DROP TABLE login_failures;
      CREATE TABLE login_attempts (
        counter TEXT NOT NULL,
        member TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (counter, member)
      ) WITHOUT ROWID;
      CREATE INDEX login_attempts_at ON login_attempts (at);`,
  },
];

/** Applies every migration newer than the database, each in its own transaction. Idempotent. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  const current = row.v ?? 0;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `The database is at schema version ${current}, newer than this console knows (${newest}): run a newer console or restore a backup`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name);
    })();
    applied.push(migration.version);
  }
  return applied;
}
