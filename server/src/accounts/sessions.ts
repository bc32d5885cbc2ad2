import { createHash, randomBytes } from 'node:crypto';
import { SESSION_TIMEOUTS } from '../contract/auth';
import type { Clock } from '../lib/clock';
import type { SessionStore, StoredSession } from './store/session-store';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = {
  idleMs: SESSION_TIMEOUTS.idleMinutes * 60_000,
  absoluteMs: SESSION_TIMEOUTS.absoluteHours * 3_600_000,
};

export interface Sessions {
  /** A new session: its id goes into the cookie and nowhere else. */
  start(userId: number): Promise<{ id: string; session: StoredSession }>;
  /** The live session of a cookie value, renewed; undefined (and gone) once timed out. */
  resume(id: string): Promise<StoredSession | undefined>;
  end(id: string): Promise<void>;
  endAllForUser(userId: number): Promise<number>;
}

/** The stored key of a session id: SHA-256, so the store never holds a usable id. */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

const token = () => randomBytes(32).toString('base64url');

/**
 * OWASP Session Management: 256-bit random ids, a fresh id at every login, an idle timeout
 * (renewed by each request) and an absolute one (never renewed), both on the injected clock.
 */
export function createSessions(
  store: SessionStore,
  clock: Clock,
  timeouts: SessionTimeouts = DEFAULT_TIMEOUTS,
): Sessions {
  const deadline = (createdAt: number, lastSeenAt: number) =>
    Math.min(createdAt + timeouts.absoluteMs, lastSeenAt + timeouts.idleMs);

  return {
    async start(userId) {
      const id = token();
      const now = clock.now();
      const session: StoredSession = {
        idHash: hashSessionId(id),
        userId,
        csrfToken: token(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: deadline(now, now),
      };
      await store.set(session);
      return { id, session };
    },
    async resume(id) {
      const idHash = hashSessionId(id);
      const session = await store.get(idHash);
      if (!session) return undefined;
      const now = clock.now();
      if (now >= deadline(session.createdAt, session.lastSeenAt)) {
        await store.destroy(idHash);
        return undefined;
      }
      const renewed = { ...session, lastSeenAt: now, expiresAt: deadline(session.createdAt, now) };
      await store.touch(idHash, renewed.lastSeenAt, renewed.expiresAt);
      return renewed;
    },
    end: (id) => store.destroy(hashSessionId(id)),
    endAllForUser: (userId) => store.destroyAllForUser(userId),
  };
}
