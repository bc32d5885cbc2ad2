/**
 * A server-side session as stored. Only a SHA-256 hash of the session id is ever kept, so a
 * copy of the store does not hand anyone a live session. The CSRF token is kept as is: it is
 * worthless without the cookie, and GET /api/auth/me must return it.
 */
export interface StoredSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** The earlier of the idle and the absolute deadline: a store may drop the session then. */
  expiresAt: number;
}

/**
 * Where sessions live. SQLite by default; asynchronous so a Redis store (with expiresAt as the
 * key's TTL) can replace it when the console runs on several machines.
 */
export interface SessionStore {
  get(idHash: string): Promise<StoredSession | undefined>;
  set(session: StoredSession): Promise<void>;
  touch(idHash: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  destroy(idHash: string): Promise<void>;
  /** Ends every session of a user (disabled, password reset); returns how many there were. */
  destroyAllForUser(userId: number): Promise<number>;
}
