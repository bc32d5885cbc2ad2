import { parseArgs } from 'node:util';
import { z } from 'zod';
import { envSchema } from '../config/env';
import { newPasswordSchema, roleSchema, usernameSchema } from '../contract/auth';
import { explainApi } from '../explanations/find-explanation';
import { ApiError } from '../http/api-error';
import { connectRedis, waitUntilReady } from '../infra/redis/connection';
import { systemClock } from '../lib/clock';
import { openConsoleStore } from '../runtime/console-store';
import { readNewPassword } from './cli-password';
import { parseAuthInput } from './parse-input';
import { createPasswordHasher } from './passwords';
import { createSessions } from './sessions';
import { createRedisSessionStore } from './store/redis-session-store';
import { summaryOf } from './store/users';
import { type Actor, createUserAdmin } from './user-admin';

const USAGE = `Manage the console's accounts (in $DATA_DIR, default ./data, or in the
PostgreSQL of $DATABASE_URL when it is set; sessions it ends are in $REDIS_URL when set):
  pnpm --filter server users add NAME --role admin|operator|support
  pnpm --filter server users list
  pnpm --filter server users disable NAME
  pnpm --filter server users enable NAME
  pnpm --filter server users reset-password NAME
add and reset-password read the password from stdin when it is piped, else prompt for it.
A new password has 12..200 characters, is not common and does not contain the name.`;

const CLI: Actor = { username: null, role: null, clientIp: null, via: 'cli' };

// The same rules as the server's, so the CLI and the server agree on where the users are.
const storeEnvSchema = z.object({
  DATABASE_URL: envSchema.shape.DATABASE_URL,
  REDIS_URL: envSchema.shape.REDIS_URL,
  REDIS_KEY_PREFIX: envSchema.shape.REDIS_KEY_PREFIX,
  SHARED_STORE_TIMEOUT_MS: envSchema.shape.SHARED_STORE_TIMEOUT_MS,
});

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, name, ...extra] = positionals;
  if (values.help || !command || extra.length > 0) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const parsed = storeEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  }
  const env = parsed.data;
  const store = await openConsoleStore({
    dataDir: process.env.DATA_DIR || './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    timeoutMs: env.SHARED_STORE_TIMEOUT_MS,
    clock: systemClock,
  });
  // Disabling someone or resetting a password ends their sessions where the replicas keep them.
  const redis = env.REDIS_URL
    ? connectRedis({ url: env.REDIS_URL, commandTimeoutMs: env.SHARED_STORE_TIMEOUT_MS })
    : undefined;
  try {
    if (redis && !(await waitUntilReady(redis, env.SHARED_STORE_TIMEOUT_MS))) {
      throw new Error('REDIS_URL is set but Redis does not answer');
    }
    const sessions = createSessions(
      redis ? createRedisSessionStore(redis, env.REDIS_KEY_PREFIX, systemClock) : store.sessions,
      systemClock,
    );
    const admin = createUserAdmin({
      users: store.users,
      hasher: createPasswordHasher(),
      sessions,
      audit: store.audit,
    });
    const username = () => parseAuthInput(usernameSchema, name, 'NAME');
    const password = async () =>
      parseAuthInput(newPasswordSchema, await readNewPassword(), 'password');

    if (command === 'list') {
      for (const user of (await admin.list()).map(summaryOf)) {
        const status = user.disabled ? 'disabled' : 'enabled';
        const last = user.last_login_at ?? 'never signed in';
        console.log(
          `${user.username}\t${user.role}\t${status}\tcreated ${user.created_at}\t${last}`,
        );
      }
    } else if (command === 'add') {
      const role = parseAuthInput(roleSchema, values.role, '--role');
      const user = await admin.create(CLI, {
        username: username(),
        role,
        password: await password(),
      });
      console.log(`Created ${user.username} (${user.role}).`);
    } else if (command === 'disable') {
      console.log(
        `Disabled ${(await admin.disable(CLI, username())).username}; its sessions ended.`,
      );
    } else if (command === 'enable') {
      console.log(`Enabled ${(await admin.enable(CLI, username())).username}.`);
    } else if (command === 'reset-password') {
      const target = username();
      const user = await admin.resetPassword(CLI, target, await password());
      console.log(`New password set for ${user.username}; its sessions ended.`);
    } else {
      console.error(`Unknown command ${command}\n${USAGE}`);
      process.exitCode = 2;
    }
  } finally {
    redis?.disconnect();
    await store.close();
  }
}

/** A refused password is explained in both languages, as the admin page does. */
function explained(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.payload.code !== 'PASSWORD_REFUSED') return [];
  const entry = explainApi(error.payload.code);
  return (['en', 'zh-CN'] as const).map((locale) => {
    const text = entry.texts[locale];
    return `  ${text.title}: ${text.operator_action}`;
  });
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof ApiError || error instanceof Error ? error.message : error;
  console.error([`users: ${String(message)}`, ...explained(error)].join('\n'));
  process.exitCode = 1;
});
