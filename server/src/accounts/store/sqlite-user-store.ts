import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import { type UserStore, userRowSchema } from './users';

const countSchema = z.object({ n: z.number().int() });

/** The accounts table of the console's SQLite database (one replica). */
export function createSqliteUserStore(db: Database, clock: Clock): UserStore {
  const one = (row: unknown) => (row === undefined ? undefined : userRowSchema.parse(row));
  const byName = db.prepare('SELECT * FROM users WHERE username = ?');
  const find = (username: string) => one(byName.get(username));
  const update = (column: string, value: number | string, username: string) => {
    db.prepare(`UPDATE users SET ${column} = ?, updated_at = ? WHERE username = ?`).run(
      value,
      clock.now(),
      username,
    );
    return find(username);
  };

  return {
    find: async (username) => find(username),
    byId: async (id) => one(db.prepare('SELECT * FROM users WHERE id = ?').get(id)),
    list: async () =>
      db
        .prepare('SELECT * FROM users ORDER BY username')
        .all()
        .map((row) => userRowSchema.parse(row)),
    async create({ username, role, passwordHash }) {
      const now = clock.now();
      const { changes } = db
        .prepare(
          `INSERT INTO users (username, role, password_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
        )
        .run(username, role, passwordHash, now, now);
      return changes === 1 ? find(username) : undefined;
    },
    setDisabled: async (username, disabled) => update('disabled', disabled ? 1 : 0, username),
    setPasswordHash: async (username, passwordHash) =>
      update('password_hash', passwordHash, username),
    async markLogin(id) {
      db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(clock.now(), id);
    },
    countEnabledAdmins: async () =>
      countSchema.parse(
        db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get(),
      ).n,
  };
}
