import type { AuditLog } from '../audit/store/audit-log';
import type { CreateUserRequest } from '../contract/auth';
import { apiError, invalidInput } from '../http/api-error';
import { assertPasswordAllowed } from './password-policy';
import type { PasswordHasher } from './passwords';
import type { Sessions } from './sessions';
import type { User, UserStore } from './store/users';

export interface UserAdminDeps {
  users: UserStore;
  hasher: PasswordHasher;
  sessions: Sessions;
  audit: AuditLog;
}

/** Who made a change, for its audit row: a signed-in admin, or the users CLI. */
export interface Actor {
  username: string | null;
  role: string | null;
  clientIp: string | null;
  via: 'api' | 'cli';
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;

/**
 * Account changes shared by the admin API and the users CLI, each leaving a user_management row.
 * Disabling and resetting a password end the user's sessions at once; the last enabled admin
 * cannot be disabled, since live mode refuses to start without one.
 */
export function createUserAdmin(deps: UserAdminDeps) {
  const { users, hasher, sessions, audit } = deps;

  const record = (actor: Actor, detail: string) =>
    audit.append({
      username: actor.username,
      role: actor.role,
      action: 'user_management',
      outcome: 'ok',
      route: actor.via === 'cli' ? 'users CLI' : null,
      clientIp: actor.clientIp,
      detail,
    });
  const existing = async (username: string): Promise<User> => {
    const user = await users.find(username);
    if (!user) throw apiError('NOT_FOUND', `No user ${username}`);
    return user;
  };
  const changed = (user: User | undefined): User => {
    if (!user) throw apiError('INTERNAL', 'The user vanished while being changed');
    return user;
  };

  return {
    list: () => users.list(),

    async create(actor: Actor, input: CreateUserRequest): Promise<User> {
      await assertPasswordAllowed(input.password, input.username);
      const passwordHash = await hasher.hash(input.password);
      const user = await users.create({
        username: input.username,
        role: input.role,
        passwordHash,
      });
      if (!user)
        throw invalidInput({ field: 'username', rule: 'not taken', value: input.username });
      await record(actor, `create ${user.username} (${user.role})`);
      return user;
    },

    async disable(actor: Actor, username: string): Promise<User> {
      const user = await existing(username);
      if (user.role === 'admin' && !user.disabled && (await users.countEnabledAdmins()) <= 1) {
        throw invalidInput({
          field: 'username',
          rule: 'not the last enabled admin',
          value: user.username,
          message:
            'The last enabled admin cannot be disabled: create or enable another admin first',
        });
      }
      const updated = changed(await users.setDisabled(user.username, true));
      const ended = await sessions.endAllForUser(user.id);
      await record(actor, `disable ${user.username} (${ended} session(s) ended)`);
      return updated;
    },

    async enable(actor: Actor, username: string): Promise<User> {
      const user = await existing(username);
      const updated = changed(await users.setDisabled(user.username, false));
      await record(actor, `enable ${updated.username}`);
      return updated;
    },

    async resetPassword(actor: Actor, username: string, password: string): Promise<User> {
      const user = await existing(username);
      await assertPasswordAllowed(password, user.username);
      const passwordHash = await hasher.hash(password);
      const updated = changed(await users.setPasswordHash(user.username, passwordHash));
      const ended = await sessions.endAllForUser(user.id);
      await record(actor, `reset password of ${user.username} (${ended} session(s) ended)`);
      return updated;
    },
  };
}
