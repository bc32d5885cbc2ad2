import { describe, expect, it } from 'vitest';
import { describeSessionStore } from '../../test/conformance/session-store.suite';
import { manualClock } from '../../test/support/manual-clock';
import type { Clock } from '../lib/clock';
import { openMemoryDatabase } from '../runtime/console-database';
import { createSessions, DEFAULT_TIMEOUTS } from './sessions';
import { createSqliteSessionStore } from './store/sqlite-session-store';

const MINUTE = 60_000;

function openSqlite(clock: Clock) {
  const db = openMemoryDatabase();
  db.prepare(
    "INSERT INTO users (id, username, role, password_hash, created_at, updated_at) VALUES (1, 'kim', 'support', 'x', 0, 0), (2, 'lee', 'admin', 'x', 0, 0)",
  ).run();
  const rows = () => db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
  return { store: createSqliteSessionStore(db, clock), rows };
}

describeSessionStore('SQLite', async (clock) => {
  const { store, rows } = openSqlite(clock);
  return { store, contents: async () => JSON.stringify(rows()) };
});

describe('sessions', () => {
  it('use 30 min idle and 12 h absolute timeouts by default', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE });
  });

  it('issue a fresh 256-bit id and CSRF token each time', async () => {
    const clock = manualClock(1_700_000_000_000);
    const sessions = createSessions(openSqlite(clock).store, clock);
    const a = await sessions.start(1);
    const b = await sessions.start(1);
    expect(a.id).toMatch(/^[\w-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.session.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(a.session.csrfToken).not.toBe(b.session.csrfToken);
  });

  it('in SQLite are swept from the database when a new one starts', async () => {
    const clock = manualClock(1_700_000_000_000);
    const { store, rows } = openSqlite(clock);
    const sessions = createSessions(store, clock);
    const { id } = await sessions.start(1);
    await sessions.resume(id);
    expect(rows()).toHaveLength(1);
    clock.advance(31 * MINUTE);
    await sessions.start(2);
    expect(rows()).toHaveLength(1);
  });
});
