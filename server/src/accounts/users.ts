import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Role, roleSchema, type UserSummary } from '../contract/auth';
import type { Clock } from '../lib/clock';

const userRowSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: roleSchema,
    password_hash: z.string(),
    disabled: z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1),
    created_at: z.number().int(),
    last_login_at: z.number().int().nullable(),
  })
  .transform(({ password_hash, created_at, last_login_at, ...rest }) => ({
    ...rest,
    passwordHash: password_hash,
    createdAt: created_at,
    lastLoginAt: last_login_at,
  }));
export type User = z.infer<typeof userRowSchema>;

export interface UserStore {
  find(username: string): User | undefined;
  byId(id: number): User | undefined;
  list(): User[];
  /** Undefined when the name is taken. */
  create(input: { username: string; role: Role; passwordHash: string }): User | undefined;
  setDisabled(username: string, disabled: boolean): User | undefined;
  setPasswordHash(username: string, passwordHash: string): User | undefined;
  markLogin(id: number): void;
  countEnabledAdmins(): number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What admins see of an account: never its hash. */
export function summaryOf(user: User): UserSummary {
  return {
    username: user.username,
    role: user.role,
    disabled: user.disabled,
    created_at: iso(user.createdAt),
    last_login_at: user.lastLoginAt === null ? null : iso(user.lastLoginAt),
  };
}

/** The accounts table. Names arrive already lowercased by the contract's usernameSchema. */
export function createUserStore(db: Database, clock: Clock): UserStore {
  const one = (row: unknown) => (row === undefined ? undefined : userRowSchema.parse(row));
  const byName = db.prepare('SELECT * FROM users WHERE username = ?');
  const find = (username: string) => one(byName.get(username));
  const update = (sql: string, value: number | string, username: string) => {
    db.prepare(`UPDATE users SET ${sql} = ?, updated_at = ? WHERE username = ?`).run(
      value,
      clock.now(),
      username,
    );
    return find(username);
  };

  return {
    find,
    byId: (id) => one(db.prepare('SELECT * FROM users WHERE id = ?').get(id)),
    list: () =>
      db
        .prepare('SELECT * FROM users ORDER BY username')
        .all()
        .map((row) => userRowSchema.parse(row)),
    create({ username, role, passwordHash }) {
      const now = clock.now();
      const { changes } = db
        .prepare(
          `INSERT INTO users (username, role, password_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
        )
        .run(username, role, passwordHash, now, now);
      return changes === 1 ? find(username) : undefined;
    },
    setDisabled: (username, disabled) => update('disabled', disabled ? 1 : 0, username),
    setPasswordHash: (username, passwordHash) => update('password_hash', passwordHash, username),
    markLogin(id) {
      db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(clock.now(), id);
    },
    countEnabledAdmins: () =>
      (
        db
          .prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")
          .get() as {
          n: number;
        }
      ).n,
  };
}
