import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/env';
import { systemClock } from '../lib/clock';
import { assertAdminExists, ensureDemoAdmin } from './bootstrap';
import { openMemoryDatabase } from './database';
import { createPasswordHasher } from './passwords';
import { createUserStore } from './users';

const hasher = createPasswordHasher({ N: 1024, r: 8, p: 1 });

describe('live mode needs an admin', () => {
  it('refuses to start without an enabled admin, saying how to create one', () => {
    const db = openMemoryDatabase();
    const users = createUserStore(db, systemClock);
    users.create({ username: 'kim', role: 'operator', passwordHash: 'x' });
    users.create({ username: 'boss', role: 'admin', passwordHash: 'x' });
    users.setDisabled('boss', true);
    expect(() => assertAdminExists(db)).toThrow(ConfigError);
    expect(() => assertAdminExists(db)).toThrow(/pnpm --filter server users add NAME --role admin/);
    users.setDisabled('boss', false);
    expect(() => assertAdminExists(db)).not.toThrow();
  });
});

describe('the sandbox demo admin', () => {
  it('is created with the given password, and reset and re-enabled at each start', async () => {
    const db = openMemoryDatabase();
    const users = createUserStore(db, systemClock);
    expect(await ensureDemoAdmin(db, 'demo-password-1', { hasher })).toEqual({
      username: 'demo',
      password: 'demo-password-1',
    });
    const demo = users.find('demo');
    expect(demo).toMatchObject({ role: 'admin', disabled: false });
    expect(await hasher.verify('demo-password-1', demo?.passwordHash ?? '')).toBe(true);
    users.setDisabled('demo', true);
    await ensureDemoAdmin(db, 'demo-password-2', { hasher });
    const again = users.find('demo');
    expect(again?.disabled).toBe(false);
    expect(await hasher.verify('demo-password-2', again?.passwordHash ?? '')).toBe(true);
    expect(() => assertAdminExists(db)).not.toThrow();
  });

  it('gets a random password when none is set', async () => {
    const db = openMemoryDatabase();
    const a = await ensureDemoAdmin(db, undefined, { hasher });
    const b = await ensureDemoAdmin(db, '', { hasher });
    expect(a.password).toMatch(/^[\w-]{16}$/);
    expect(b.password).not.toBe(a.password);
  });
});
