import { z } from 'zod';

/*
 * Accounts, sessions and roles: the contract of /api/auth/* and /api/admin/users*.
 * A session is an httpOnly cookie; a state-changing request (POST, PUT, PATCH, DELETE) also
 * sends the session's token in the X-CSRF-Token header and an Origin (or Referer) of this host.
 */

export const SESSION_COOKIE = 'ccc_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Server-side session lifetime: idle since the last request, absolute since login. */
export const SESSION_TIMEOUTS = { idleMinutes: 30, absoluteHours: 12 } as const;

/**
 * Sign-in attempts within the window (decision 011): `maxFailures` per account from one address
 * and `maxFailuresPerAddress` per address, then 429; beyond `maxFailures` from anywhere, each
 * further attempt at the account waits 2, 4, 8… seconds, at most `accountDelayCapSeconds`.
 */
export const LOGIN_THROTTLE = {
  maxFailures: 5,
  maxFailuresPerAddress: 20,
  windowMinutes: 15,
  accountDelayCapSeconds: 60,
} as const;

export const AUTH_INPUT_RULES = {
  username: '2..32 characters: lowercase letters, digits, . _ - (starting with a letter or digit)',
  password: '12..200 characters',
  text: 'text',
  role: 'admin, operator or support',
} as const;

export const roleSchema = z.enum(['admin', 'operator', 'support'], {
  error: AUTH_INPUT_RULES.role,
});
export type Role = z.infer<typeof roleSchema>;

/** What a role may do; the server enforces it per endpoint, the web hides what a role cannot. */
export const capabilitySchema = z.enum([
  'lookup',
  'scan',
  'search',
  'coverage',
  'coverage_export',
  'code_export',
  'manage_users',
  'read_audit',
]);
export type Capability = z.infer<typeof capabilitySchema>;

/** The one role table, read by the server's route guard and the web's navigation alike. */
export const CAPABILITY_ROLES: Record<Capability, readonly Role[]> = {
  lookup: ['admin', 'operator', 'support'],
  scan: ['admin', 'operator'],
  search: ['admin', 'operator', 'support'],
  coverage: ['admin', 'operator', 'support'],
  coverage_export: ['admin', 'operator', 'support'],
  code_export: ['admin', 'operator'],
  manage_users: ['admin'],
  read_audit: ['admin'],
};

export function roleCan(role: Role, capability: Capability): boolean {
  return CAPABILITY_ROLES[capability].includes(role);
}

/** Usernames are compared in lowercase, so "Alice" and "alice" are one account. */
export const usernameSchema = z
  .string({ error: AUTH_INPUT_RULES.text })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, AUTH_INPUT_RULES.username);

/**
 * The rules a new password can break beyond its length (400 PASSWORD_REFUSED, field password):
 * the web and the CLI explain each by this name.
 */
export const PASSWORD_RULES = {
  common: 'not a common or easily guessed password',
  username: 'not the username, nor containing it',
} as const;
export type PasswordRule = keyof typeof PASSWORD_RULES;

/** A new password (create, reset). Sign-in accepts any text: old or demo passwords still work. */
export const newPasswordSchema = z
  .string({ error: AUTH_INPUT_RULES.text })
  .min(12, AUTH_INPUT_RULES.password)
  .max(200, AUTH_INPUT_RULES.password);

export const loginRequestSchema = z.strictObject({
  username: z.string({ error: AUTH_INPUT_RULES.text }).trim().toLowerCase().min(1).max(128),
  password: z.string({ error: AUTH_INPUT_RULES.text }).min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** POST /api/auth/login (200, sets the cookie) and GET /api/auth/me. POST …/logout is 204. */
export const sessionInfoSchema = z.object({
  username: z.string(),
  role: roleSchema,
  /** Send it back as the X-CSRF-Token header of every POST/PUT/PATCH/DELETE. */
  csrf_token: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** GET /api/auth/demo: sandbox mode only (404 in live mode), for the login page's hint. */
export const demoLoginResponseSchema = z.object({ username: z.string(), password: z.string() });
export type DemoLoginResponse = z.infer<typeof demoLoginResponseSchema>;

// ---- admin: users ----

const isoTime = z.iso.datetime({ offset: true });

export const userSummarySchema = z.object({
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  created_at: isoTime,
  last_login_at: isoTime.nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** GET /api/admin/users */
export const usersResponseSchema = z.object({ users: z.array(userSummarySchema) });
export type UsersResponse = z.infer<typeof usersResponseSchema>;

/** POST /api/admin/users → 201 UserSummary; a name already taken is 400 INVALID_INPUT. */
export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** POST /api/admin/users/:username/reset-password → 200 UserSummary; ends the user's sessions. */
export const resetPasswordRequestSchema = z.strictObject({ password: newPasswordSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/*
 * POST /api/admin/users/:username/disable (no body) → 200 UserSummary; ends the user's sessions.
 * POST /api/admin/users/:username/enable (no body) → 200 UserSummary.
 * The last enabled admin cannot be disabled: live mode would refuse to start without one.
 */
