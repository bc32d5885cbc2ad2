import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import type { SessionStore, StoredSession } from './session-store';

const sessionRowSchema = z
  .object({
    id_hash: z.string(),
    user_id: z.number().int(),
    csrf_token: z.string(),
    created_at: z.number().int(),
    last_seen_at: z.number().int(),
    expires_at: z.number().int(),
  })
  .transform(
    (row): StoredSession => ({
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    }),
  );

/** Sessions in the console database; expired rows are swept whenever a session starts. */
export function createSqliteSessionStore(db: Database, clock: Clock): SessionStore {
  const select = db.prepare('SELECT * FROM sessions WHERE id_hash = ?');
  const insert = db.prepare(`
    INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
    VALUES (@idHash, @userId, @csrfToken, @createdAt, @lastSeenAt, @expiresAt)`);
  const sweep = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const touch = db.prepare(
    'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?',
  );
  const destroy = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const destroyUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');

  return {
    async get(idHash) {
      const row = select.get(idHash);
      return row === undefined ? undefined : sessionRowSchema.parse(row);
    },
    async set(session) {
      sweep.run(clock.now());
      insert.run(session);
    },
    async touch(idHash, lastSeenAt, expiresAt) {
      touch.run(lastSeenAt, expiresAt, idHash);
    },
    async destroy(idHash) {
      destroy.run(idHash);
    },
    async destroyAllForUser(userId) {
      return destroyUser.run(userId).changes;
    },
  };
}
