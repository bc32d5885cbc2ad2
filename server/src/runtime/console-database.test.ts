import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../infra/sqlite/migrate';
import { DATABASE_FILE, openConsoleDatabase, openMemoryDatabase } from './console-database';
import { SQLITE_MIGRATIONS as MIGRATIONS } from './console-schema';

const tables = (db: ReturnType<typeof openMemoryDatabase>) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as {
      name: string;
    }[]
  )
    .map((row) => row.name)
    .sort();

describe('schema migrations', () => {
  it('create the data directory and the whole schema on first start', async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'accounts-')), 'nested', 'data');
    const db = openConsoleDatabase(dataDir);
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'login_attempts',
        'audit_log',
        'audit_sequence',
        'audit_purge_gate',
        'audit_log_no_update',
        'audit_log_no_delete',
        'schema_migrations',
      ]),
    );
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('are idempotent: a second start applies nothing and keeps the data', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'accounts-'));
    const first = openConsoleDatabase(dataDir);
    first
      .prepare(
        "INSERT INTO users (username, role, password_hash, created_at, updated_at) VALUES ('kim', 'support', 'x', 1, 1)",
      )
      .run();
    const before = tables(first);
    first.close();
    const second = openConsoleDatabase(dataDir);
    expect(migrate(second, MIGRATIONS)).toEqual([]);
    expect(tables(second)).toEqual(before);
    expect(second.prepare('SELECT username FROM users').all()).toEqual([{ username: 'kim' }]);
    second.close();
  });

  it('apply only the migrations newer than the database, in order', () => {
    const db = openMemoryDatabase();
    const next = { version: MIGRATIONS.length + 1, name: 'extra', sql: 'CREATE TABLE extra (x)' };
    expect(migrate(db, [...MIGRATIONS, next])).toEqual([next.version]);
    expect(migrate(db, [...MIGRATIONS, next])).toEqual([]);
  });

  it('refuse a database newer than this console', () => {
    const db = openMemoryDatabase();
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')").run();
    expect(() => migrate(db, MIGRATIONS)).toThrow(/schema version 999, newer than this console/);
  });

  it('roll a failing migration back whole', () => {
    const db = openMemoryDatabase();
    const broken = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x); CREATE TABLE users (y);',
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(tables(db)).not.toContain('half');
    expect(migrate(db, MIGRATIONS)).toEqual([]);
  });
});
