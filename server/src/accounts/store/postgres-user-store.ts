import type pg from 'pg';
import { z } from 'zod';
import { orPostgresUnavailable } from '../../infra/postgres/unavailable';
import type { Clock } from '../../lib/clock';
import { type UserStore, userRowSchema } from './users';

const COLUMNS = 'id, username, role, password_hash, disabled, created_at, last_login_at';
const countSchema = z.object({ n: z.number().int() });

/** The accounts table in PostgreSQL, shared by every replica. */
export function createPostgresUserStore(pool: pg.Pool, clock: Clock): UserStore {
  const rows = (sql: string, values: unknown[]) =>
    orPostgresUnavailable('reading or writing an account', async () => {
      const result = await pool.query(sql, values);
      return result.rows.map((row) => userRowSchema.parse(row));
    });
  const one = async (sql: string, values: unknown[]) => (await rows(sql, values))[0];
  const update = (column: string, value: number | string, username: string) =>
    one(
      `UPDATE users SET ${column} = $1, updated_at = $2 WHERE username = $3 RETURNING ${COLUMNS}`,
      [value, clock.now(), username],
    );

  return {
    find: (username) => one(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]),
    byId: (id) => one(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]),
    // Byte order, as SQLite sorts: the database's locale must not reorder the list.
    list: () => rows(`SELECT ${COLUMNS} FROM users ORDER BY username COLLATE "C"`, []),
    create: ({ username, role, passwordHash }) => {
      const now = clock.now();
      return one(
        `INSERT INTO users (username, role, password_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4) ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
        [username, role, passwordHash, now],
      );
    },
    setDisabled: (username, disabled) => update('disabled', disabled ? 1 : 0, username),
    setPasswordHash: (username, passwordHash) => update('password_hash', passwordHash, username),
    async markLogin(id) {
      await rows('UPDATE users SET last_login_at = $1 WHERE id = $2', [clock.now(), id]);
    },
    countEnabledAdmins: () =>
      orPostgresUnavailable('counting admins', async () => {
        const { rows: counted } = await pool.query(
          "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0",
        );
        return countSchema.parse(counted[0]).n;
      }),
  };
}
