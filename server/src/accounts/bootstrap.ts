import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config/env';
import { passwordRefusal } from './password-policy';
import { createPasswordHasher, type PasswordHasher } from './passwords';
import type { UserStore } from './store/users';

export const DEMO_USERNAME = 'demo';

/** Live mode refuses to start without an enabled admin, and says how to create one. */
export async function assertAdminExists(users: UserStore): Promise<void> {
  if ((await users.countEnabledAdmins()) > 0) return;
  throw new ConfigError(
    [
      'Live mode needs at least one enabled admin account, and there is none.',
      'Create one (same DATA_DIR as the server), then start again:',
      '  pnpm --filter server users add NAME --role admin',
      'It asks for the password, or reads it from stdin: printf %s "$PASSWORD" | pnpm --filter server users add NAME --role admin',
    ].join('\n'),
  );
}

/** 16 random characters; drawn again in the rare case they spell the username. */
async function randomDemoPassword(): Promise<string> {
  for (;;) {
    const drawn = randomBytes(12).toString('base64url');
    if (!(await passwordRefusal(drawn, DEMO_USERNAME))) return drawn;
  }
}

/**
 * Sandbox mode only: the `demo` admin, enabled, with `password` (CONSOLE_DEMO_PASSWORD) or a
 * new random one at every start. The caller prints it; the login page shows it.
 */
export async function ensureDemoAdmin(
  users: UserStore,
  password?: string,
  options: { hasher?: PasswordHasher } = {},
): Promise<{ username: string; password: string }> {
  const hasher = options.hasher ?? createPasswordHasher();
  const chosen = password || (await randomDemoPassword());
  // The demo admin can sign in to any sandbox shown to others: its password follows the policy.
  if (chosen.length < 12 || (await passwordRefusal(chosen, DEMO_USERNAME))) {
    throw new ConfigError(
      `CONSOLE_DEMO_PASSWORD must be at least 12 characters, not common and not contain "${DEMO_USERNAME}"`,
    );
  }
  const passwordHash = await hasher.hash(chosen);
  const existing = await users.find(DEMO_USERNAME);
  if (!existing) {
    await users.create({ username: DEMO_USERNAME, role: 'admin', passwordHash });
  } else {
    await users.setPasswordHash(DEMO_USERNAME, passwordHash);
    await users.setDisabled(DEMO_USERNAME, false);
  }
  return { username: DEMO_USERNAME, password: chosen };
}
