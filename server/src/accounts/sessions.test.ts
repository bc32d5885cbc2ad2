import { describe, expect, it } from 'vitest';
import { manualClock } from '../sandbox/test-clock';
import { openMemoryDatabase } from './database';
import { createSessions, DEFAULT_TIMEOUTS, hashSessionId } from './sessions';
import { createSqliteSessionStore } from './sqlite-session-store';

const MINUTE = 60_000;

function setup() {
  const db = openMemoryDatabase();
  db.prepare(
    "INSERT INTO users (id, username, role, password_hash, created_at, updated_at) VALUES (1, 'kim', 'support', 'x', 0, 0), (2, 'lee', 'admin', 'x', 0, 0)",
  ).run();
  const clock = manualClock(1_700_000_000_000);
  const sessions = createSessions(createSqliteSessionStore(db, clock), clock);
  const rows = () => db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
  return { db, clock, sessions, rows };
}

describe('sessions', () => {
  it('use 30 min idle and 12 h absolute timeouts by default', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE });
  });

  it('issue a fresh 256-bit id each time and store only its SHA-256', async () => {
    const { sessions, rows } = setup();
    const a = await sessions.start(1);
    const b = await sessions.start(1);
    expect(a.id).toMatch(/^[\w-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.session.csrfToken).toMatch(/^[\w-]{43}$/);
    const stored = JSON.stringify(rows());
    expect(stored).not.toContain(a.id);
    expect(stored).toContain(hashSessionId(a.id));
  });

  it('end after 30 idle minutes, and each use renews the idle deadline', async () => {
    const { sessions, clock, rows } = setup();
    const { id } = await sessions.start(1);
    clock.advance(29 * MINUTE);
    expect(await sessions.resume(id)).toBeDefined();
    clock.advance(29 * MINUTE);
    expect(await sessions.resume(id)).toBeDefined();
    clock.advance(30 * MINUTE);
    expect(await sessions.resume(id)).toBeUndefined();
    expect(rows()).toHaveLength(0);
  });

  it('end 12 hours after login however busy they are', async () => {
    const { sessions, clock } = setup();
    const { id } = await sessions.start(1);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect(await sessions.resume(id), `at ${elapsed + 20} min`).toBeDefined();
    }
    clock.advance(20 * MINUTE);
    expect(await sessions.resume(id)).toBeUndefined();
  });

  it('end on logout and all of a user at once', async () => {
    const { sessions } = setup();
    const mine = await sessions.start(1);
    const mineToo = await sessions.start(1);
    const theirs = await sessions.start(2);
    await sessions.end(mine.id);
    expect(await sessions.resume(mine.id)).toBeUndefined();
    expect(await sessions.endAllForUser(1)).toBe(1);
    expect(await sessions.resume(mineToo.id)).toBeUndefined();
    expect(await sessions.resume(theirs.id)).toBeDefined();
  });

  it('sweep expired sessions from the store when a new one starts', async () => {
    const { sessions, clock, rows } = setup();
    await sessions.start(1);
    clock.advance(31 * MINUTE);
    await sessions.start(2);
    expect(rows()).toHaveLength(1);
  });
});
