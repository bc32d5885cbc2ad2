import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresUnderTest, startPostgres } from '../../test/support/postgres-server';
import { runToEnd } from '../../test/support/processes';
import { systemClock } from '../lib/clock';
import { DATABASE_FILE } from '../runtime/console-database';
import { openConsoleStore } from '../runtime/console-store';
import { createPasswordHasher } from './passwords';

describe('the users CLI with DATABASE_URL', () => {
  let server: PostgresUnderTest;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.destroy());

  it('manages the accounts in PostgreSQL, leaving a user_management row for each change', async () => {
    const url = await server.createDatabase();
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'users-cli-pg-')), 'data');
    const users = (args: string[], stdin = '') =>
      runToEnd('src/accounts/cli.ts', args, { DATA_DIR: dataDir, DATABASE_URL: url }, stdin);

    expect(await users(['add', 'Alice', '--role', 'admin'], 'first-Password-1\n')).toMatchObject({
      code: 0,
      out: 'Created alice (admin).\n',
    });
    expect((await users(['add', 'bob', '--role', 'support'], 'Copper-Meadow-22\n')).code).toBe(0);
    expect((await users(['disable', 'bob'])).code).toBe(0);
    const [list, lastAdmin] = await Promise.all([users(['list']), users(['disable', 'alice'])]);
    expect(list.out).toMatch(
      /^alice\tadmin\tenabled\tcreated .+\tnever signed in\nbob\tsupport\tdisabled\t/,
    );
    expect(lastAdmin).toMatchObject({ code: 1 });
    expect(lastAdmin.err).toMatch(/last enabled admin cannot be disabled/);

    // What a replica on the same PostgreSQL sees.
    const store = await openConsoleStore({
      databaseUrl: url,
      timeoutMs: 2_000,
      clock: systemClock,
    });
    try {
      const alice = await store.users.find('alice');
      expect(
        await createPasswordHasher().verify('first-Password-1', alice?.passwordHash ?? ''),
      ).toBe(true);
      expect(await store.users.find('bob')).toMatchObject({ role: 'support', disabled: true });
    } finally {
      await store.close();
    }
    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    const { rows } = await direct.query(
      "SELECT route, detail FROM audit_log WHERE action = 'user_management' ORDER BY id",
    );
    await direct.end();
    expect(rows).toEqual([
      { route: 'users CLI', detail: 'create alice (admin)' },
      { route: 'users CLI', detail: 'create bob (support)' },
      { route: 'users CLI', detail: 'disable bob (0 session(s) ended)' },
    ]);
    // The SQLite users database was never created: the accounts are PostgreSQL's alone.
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('says why it cannot use the PostgreSQL it was given', async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'users-cli-pg-')), 'data');
    const gone = `postgresql://postgres@127.0.0.1:${server.port}/no_such_database`;
    const run = await runToEnd('src/accounts/cli.ts', ['list'], {
      DATA_DIR: dataDir,
      DATABASE_URL: gone,
    });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^users: .*no_such_database/);
  });
});
