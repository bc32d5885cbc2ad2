// Test-only: what every session store owes the console, run against each implementation.
import { describe, expect, it } from 'vitest';
import { createSessions, hashSessionId } from '../../src/accounts/sessions';
import type { SessionStore } from '../../src/accounts/store/session-store';
import type { Clock } from '../../src/lib/clock';
import { manualClock } from '../support/manual-clock';

const MINUTE = 60_000;

export interface SessionStoreUnderTest {
  store: SessionStore;
  /** Everything the store holds, as text. */
  contents(): Promise<string>;
}

/** Users 1 and 2 must exist for the store `open` returns. */
export function describeSessionStore(
  name: string,
  open: (clock: Clock) => Promise<SessionStoreUnderTest>,
): void {
  async function setup() {
    const clock = manualClock(1_700_000_000_000);
    const { store, contents } = await open(clock);
    return { clock, store, contents, sessions: createSessions(store, clock) };
  }

  describe(`sessions in ${name}`, () => {
    it('are kept under the SHA-256 of their id only, and read back as stored', async () => {
      const { sessions, store, contents } = await setup();
      const { id, session } = await sessions.start(1);
      expect(await store.get(hashSessionId(id))).toEqual(session);
      const held = await contents();
      expect(held).not.toContain(id);
      expect(held).toContain(hashSessionId(id));
      expect(await store.get(hashSessionId('never-issued'))).toBeUndefined();
    });

    it('end after 30 idle minutes, and each use renews the idle deadline', async () => {
      const { sessions, store, clock } = await setup();
      const { id } = await sessions.start(1);
      clock.advance(29 * MINUTE);
      expect(await sessions.resume(id)).toBeDefined();
      clock.advance(10 * MINUTE);
      const renewed = await store.get(hashSessionId(id));
      expect(renewed?.lastSeenAt).toBe(clock.now() - 10 * MINUTE);
      expect(renewed?.expiresAt).toBe(clock.now() + 20 * MINUTE);
      clock.advance(19 * MINUTE);
      expect(await sessions.resume(id)).toBeDefined();
      clock.advance(30 * MINUTE);
      expect(await sessions.resume(id)).toBeUndefined();
      expect(await store.get(hashSessionId(id))).toBeUndefined();
    });

    it('end 12 hours after login however busy they are', async () => {
      const { sessions, clock } = await setup();
      const { id } = await sessions.start(1);
      for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
        clock.advance(20 * MINUTE);
        expect(await sessions.resume(id), `at ${elapsed + 20} min`).toBeDefined();
      }
      clock.advance(20 * MINUTE);
      expect(await sessions.resume(id)).toBeUndefined();
    });

    it('end on logout, and all of a user at once', async () => {
      const { sessions } = await setup();
      const mine = await sessions.start(1);
      const mineToo = await sessions.start(1);
      const theirs = await sessions.start(2);
      await sessions.end(mine.id);
      expect(await sessions.resume(mine.id)).toBeUndefined();
      expect(await sessions.endAllForUser(1)).toBe(1);
      expect(await sessions.resume(mineToo.id)).toBeUndefined();
      expect(await sessions.resume(theirs.id)).toBeDefined();
      expect(await sessions.endAllForUser(1)).toBe(0);
    });

    it('stay ended when a renewal arrives after the end', async () => {
      const { sessions, store, clock } = await setup();
      const loggedOut = await sessions.start(1);
      const disabled = await sessions.start(2);
      await sessions.end(loggedOut.id);
      await sessions.endAllForUser(2);
      const later = clock.now() + MINUTE;
      for (const { id } of [loggedOut, disabled]) {
        await store.touch(hashSessionId(id), later, later + 30 * MINUTE);
        expect(await store.get(hashSessionId(id))).toBeUndefined();
        expect(await sessions.resume(id)).toBeUndefined();
      }
    });
  });
}
