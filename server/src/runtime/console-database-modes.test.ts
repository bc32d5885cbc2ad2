import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openConsoleDatabase } from './console-database';

const root = mkdtempSync(path.join(tmpdir(), 'ccc-database-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o7777;

describe('the console database on disk', () => {
  it('is made private in a DATA_DIR that already exists, readable by others', () => {
    const dataDir = path.join(root, 'existing');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    // An older version left its files 0644, and it still holds them open (-wal and -shm exist).
    const file = path.join(dataDir, DATABASE_FILE);
    const older = new Sqlite(file);
    older.pragma('journal_mode = WAL');
    older.exec('CREATE TABLE IF NOT EXISTS left_behind (x INTEGER)');
    for (const name of [file, `${file}-wal`, `${file}-shm`]) chmodSync(name, 0o644);

    const db = openConsoleDatabase(dataDir);
    try {
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const name of [file, `${file}-wal`, `${file}-shm`]) {
        expect(modeOf(name).toString(8), path.basename(name)).toBe('600');
      }
    } finally {
      db.close();
      older.close();
    }
  });

  it('is created private, the folder 0700 and the files 0600', () => {
    const dataDir = path.join(root, 'new', 'data');
    const db = openConsoleDatabase(dataDir, { file: 'console-local.sqlite' });
    try {
      const file = path.join(dataDir, 'console-local.sqlite');
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const name of [file, `${file}-wal`, `${file}-shm`]) {
        expect(modeOf(name).toString(8), path.basename(name)).toBe('600');
      }
    } finally {
      db.close();
    }
  });

  it('refuses a shared folder (sticky bit, like /tmp) rather than lock others out of it', () => {
    const shared = path.join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    expect(() => openConsoleDatabase(shared)).toThrow(/DATA_DIR .*shared folder/);
    expect(modeOf(shared).toString(8)).toBe('1777');
  });
});
