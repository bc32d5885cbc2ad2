import { z } from 'zod';
import { type Role, roleSchema, type UserSummary } from '../../contract/auth';

/** A stored account as SQLite and PostgreSQL both hand it out, checked on the way in. */
export const userRowSchema = z
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

/**
 * The accounts: in SQLite for one replica, in PostgreSQL for several. Names arrive already
 * lowercased by the contract's usernameSchema.
 */
export interface UserStore {
  find(username: string): Promise<User | undefined>;
  byId(id: number): Promise<User | undefined>;
  /** Every account, by name. */
  list(): Promise<User[]>;
  /** Undefined when the name is taken. */
  create(input: { username: string; role: Role; passwordHash: string }): Promise<User | undefined>;
  setDisabled(username: string, disabled: boolean): Promise<User | undefined>;
  setPasswordHash(username: string, passwordHash: string): Promise<User | undefined>;
  markLogin(id: number): Promise<void>;
  countEnabledAdmins(): Promise<number>;
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
