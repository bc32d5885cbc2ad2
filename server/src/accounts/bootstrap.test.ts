import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/env';
import { systemClock } from '../lib/clock';
import { openMemoryDatabase } from '../runtime/console-database';
import { assertAdminExists, ensureDemoAdmin } from './bootstrap';
import { createPasswordHasher } from './passwords';
import { createSqliteUserStore } from './store/sqlite-user-store';

const hasher = createPasswordHasher({ N: 1024, r: 8, p: 1 });
const openUsers = () => createSqliteUserStore(openMemoryDatabase(), systemClock);

describe('live mode needs an admin', () => {
  it('refuses to start without an enabled admin, saying how to create one', async () => {
    const users = openUsers();
    await users.create({ username: 'kim', role: 'operator', passwordHash: 'x' });
    await users.create({ username: 'boss', role: 'admin', passwordHash: 'x' });
    await users.setDisabled('boss', true);
    await expect(assertAdminExists(users)).rejects.toThrow(ConfigError);
    await expect(assertAdminExists(users)).rejects.toThrow(
      /pnpm --filter server users add NAME --role admin/,
    );
    await users.setDisabled('boss', false);
    await expect(assertAdminExists(users)).resolves.toBeUndefined();
  });
});

describe('the sandbox demo admin', () => {
  it('is created with the given password, and reset and re-enabled at each start', async () => {
    const users = openUsers();
    expect(await ensureDemoAdmin(users, 'Harbour-lantern-61', { hasher })).toEqual({
      username: 'demo',
      password: 'Harbour-lantern-61',
    });
    const demo = await users.find('demo');
    expect(demo).toMatchObject({ role: 'admin', disabled: false });
    expect(await hasher.verify('Harbour-lantern-61', demo?.passwordHash ?? '')).toBe(true);
    await users.setDisabled('demo', true);
    await ensureDemoAdmin(users, 'Copper-meadow-72', { hasher });
    const again = await users.find('demo');
    expect(again?.disabled).toBe(false);
    expect(await hasher.verify('Copper-meadow-72', again?.passwordHash ?? '')).toBe(true);
    await expect(assertAdminExists(users)).resolves.toBeUndefined();
  });

  it('refuses a demo password the policy would refuse anywhere else', async () => {
    const users = openUsers();
    for (const weak of ['short-pw-1', 'demo-Harbour-Lantern', 'password1234']) {
      await expect(ensureDemoAdmin(users, weak, { hasher })).rejects.toThrow(
        /CONSOLE_DEMO_PASSWORD must be at least 12 characters, not common and not contain "demo"/,
      );
    }
    expect(await users.find('demo')).toBeUndefined();
  });

  it('gets a random password when none is set', async () => {
    const users = openUsers();
    const a = await ensureDemoAdmin(users, undefined, { hasher });
    const b = await ensureDemoAdmin(users, '', { hasher });
    expect(a.password).toMatch(/^[\w-]{16}$/);
    expect(b.password).not.toBe(a.password);
  });
});
