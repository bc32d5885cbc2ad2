// Test-only: what every user store owes the console, run against SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import type { UserStore } from '../../src/accounts/store/users';
import type { Clock } from '../../src/lib/clock';
import { manualClock } from '../support/manual-clock';

export interface UserStoreUnderTest {
  users: UserStore;
  close(): Promise<void>;
}

/** `open` returns an empty store on the clock it is given. */
export function describeUserStore(
  name: string,
  open: (clock: Clock) => Promise<UserStoreUnderTest>,
): void {
  async function setup() {
    const clock = manualClock(Date.parse('2026-03-02T01:00:00Z'));
    const opened = await open(clock);
    return { clock, ...opened };
  }

  describe(`users in ${name}`, () => {
    it('creates an account once, and finds it by name and by id', async () => {
      const { users, clock, close } = await setup();
      const kim = await users.create({ username: 'kim', role: 'support', passwordHash: 'h1' });
      expect(kim).toEqual({
        id: expect.any(Number),
        username: 'kim',
        role: 'support',
        passwordHash: 'h1',
        disabled: false,
        createdAt: clock.now(),
        lastLoginAt: null,
      });
      expect(await users.find('kim')).toEqual(kim);
      expect(await users.byId(kim?.id ?? -1)).toEqual(kim);
      expect(
        await users.create({ username: 'kim', role: 'admin', passwordHash: 'h2' }),
      ).toBeUndefined();
      expect(await users.find('kim')).toEqual(kim);
      expect(await users.find('nobody')).toBeUndefined();
      expect(await users.byId(999_999)).toBeUndefined();
      await close();
    });

    it('lists every account in byte order of its name', async () => {
      const { users, close } = await setup();
      for (const username of ['lee', 'a_b', 'a.b', 'a-b', '9z', 'ab']) {
        await users.create({ username, role: 'operator', passwordHash: 'h' });
      }
      expect((await users.list()).map((u) => u.username)).toEqual([
        '9z',
        'a-b',
        'a.b',
        'a_b',
        'ab',
        'lee',
      ]);
      await close();
    });

    it('disables, enables and resets a password, answering with the changed account', async () => {
      const { users, close } = await setup();
      await users.create({ username: 'kim', role: 'support', passwordHash: 'old' });
      expect(await users.setDisabled('kim', true)).toMatchObject({ disabled: true });
      expect(await users.find('kim')).toMatchObject({ disabled: true });
      expect(await users.setDisabled('kim', false)).toMatchObject({ disabled: false });
      expect(await users.setPasswordHash('kim', 'new')).toMatchObject({ passwordHash: 'new' });
      expect(await users.find('kim')).toMatchObject({ passwordHash: 'new' });
      expect(await users.setDisabled('nobody', true)).toBeUndefined();
      expect(await users.setPasswordHash('nobody', 'x')).toBeUndefined();
      await close();
    });

    it('remembers the last sign-in time', async () => {
      const { users, clock, close } = await setup();
      const kim = await users.create({ username: 'kim', role: 'support', passwordHash: 'h' });
      clock.advance(90_000);
      await users.markLogin(kim?.id ?? -1);
      expect((await users.find('kim'))?.lastLoginAt).toBe(clock.now());
      await close();
    });

    it('counts only the enabled admins', async () => {
      const { users, close } = await setup();
      expect(await users.countEnabledAdmins()).toBe(0);
      await users.create({ username: 'boss', role: 'admin', passwordHash: 'h' });
      await users.create({ username: 'deputy', role: 'admin', passwordHash: 'h' });
      await users.create({ username: 'kim', role: 'operator', passwordHash: 'h' });
      expect(await users.countEnabledAdmins()).toBe(2);
      await users.setDisabled('deputy', true);
      expect(await users.countEnabledAdmins()).toBe(1);
      await close();
    });
  });
}
