import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../test/support/processes';
import { systemClock } from '../lib/clock';
import { openConsoleDatabase } from '../runtime/console-database';
import { createPasswordHasher } from './passwords';
import { createSqliteUserStore } from './store/sqlite-user-store';

const users = (dataDir: string, args: string[], stdin = '') =>
  runToEnd('src/accounts/cli.ts', args, { DATA_DIR: dataDir, DATABASE_URL: '' }, stdin);

// Each step starts the CLI in its own Node process (tsx, and the password estimator on add and
// reset): about a dozen start-ups, which a loaded machine can stretch past the 20 s default.
describe('the users CLI', () => {
  it('adds, lists, disables and resets passwords in DATA_DIR, and refuses bad input', async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'users-cli-')), 'data');

    const add = await users(dataDir, ['add', 'Alice', '--role', 'admin'], 'first-Password-1\n');
    expect(add).toMatchObject({ code: 0, out: 'Created alice (admin).\n' });
    expect(
      (await users(dataDir, ['add', 'bob', '--role', 'support'], 'Copper-Meadow-22\n')).code,
    ).toBe(0);
    const reset = await users(dataDir, ['reset-password', 'bob'], 'second-Password-2\n');
    expect(reset).toMatchObject({
      code: 0,
      out: 'New password set for bob; its sessions ended.\n',
    });
    expect((await users(dataDir, ['disable', 'bob'])).code).toBe(0);

    // Independent refusals, run side by side to keep the test short.
    const [list, short, role, nobody, unknown, lastAdmin] = await Promise.all([
      users(dataDir, ['list']),
      users(dataDir, ['add', 'carol', '--role', 'support'], 'short\n'),
      users(dataDir, ['add', 'carol', '--role', 'root'], 'long-enough-pw\n'),
      users(dataDir, ['disable', 'nobody']),
      users(dataDir, ['frobnicate']),
      users(dataDir, ['disable', 'alice']),
    ]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(
      /^alice\tadmin\tenabled\tcreated .+\tnever signed in\nbob\tsupport\tdisabled\t/,
    );
    expect(short).toMatchObject({ code: 1, err: 'users: password: 12..200 characters\n' });
    expect(role).toMatchObject({ code: 1, err: 'users: --role: admin, operator or support\n' });
    expect(nobody).toMatchObject({ code: 1, err: 'users: No user nobody\n' });
    expect(unknown.code).toBe(2);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.err).toMatch(/last enabled admin cannot be disabled/);

    const db = openConsoleDatabase(dataDir);
    const store = createSqliteUserStore(db, systemClock);
    const hasher = createPasswordHasher();
    expect(
      await hasher.verify('second-Password-2', (await store.find('bob'))?.passwordHash ?? ''),
    ).toBe(true);
    expect(
      await hasher.verify('first-Password-1', (await store.find('alice'))?.passwordHash ?? ''),
    ).toBe(true);
    expect(await store.find('carol')).toBeUndefined();
    const audit = db
      .prepare("SELECT route, detail FROM audit_log WHERE action = 'user_management' ORDER BY id")
      .all();
    expect(audit).toEqual([
      { route: 'users CLI', detail: 'create alice (admin)' },
      { route: 'users CLI', detail: 'create bob (support)' },
      { route: 'users CLI', detail: 'reset password of bob (0 session(s) ended)' },
      { route: 'users CLI', detail: 'disable bob (0 session(s) ended)' },
    ]);
    db.close();
    // Ten runs of the CLI, each a fresh process loading TypeScript: several seconds apiece on a
    // busy machine.
  }, 180_000);

  it('refuses a common password or one holding the name, saying why in English and Chinese', async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'users-cli-')), 'data');
    const [common, named] = await Promise.all([
      users(dataDir, ['add', 'carol', '--role', 'support'], 'password1234\n'),
      users(dataDir, ['add', 'bob', '--role', 'support'], 'Bob-Lantern-Harbour-9\n'),
    ]);
    expect(common.code).toBe(1);
    expect(common.err).toMatch(/^users: password: not a common or easily guessed password\n/);
    expect(common.err).toContain('That password is too easy to guess: Choose a longer');
    expect(common.err).toContain('这个密码太容易被猜到: 换一个更长');
    expect(named.code).toBe(1);
    expect(named.err).toMatch(/^users: password: not the username, nor containing it\n/);
    expect((await users(dataDir, ['list'])).out).toBe('');
  }, 180_000);
});
