import type { Request } from 'express';
import { readSessionCookie } from './session-cookie';
import type { Sessions } from './sessions';
import type { StoredSession } from './store/session-store';
import type { User, UserStore } from './store/users';

/** What a request's session cookie opens: nothing, a live session, and its user if any. */
export interface CookieSession {
  sessionId?: string;
  session?: StoredSession;
  user?: User;
}

export type SessionOfRequest = (req: Request) => Promise<CookieSession>;

/**
 * Resolves a request's session once (renewing it once), however many middlewares ask: the API
 * rate limit keys on the user before the access guard decides on the same answer.
 */
export function sessionOfRequest(sessions: Sessions, users: UserStore): SessionOfRequest {
  const resolved = new WeakMap<Request, Promise<CookieSession>>();
  const resolve = async (req: Request): Promise<CookieSession> => {
    const sessionId = readSessionCookie(req);
    if (!sessionId) return {};
    const session = await sessions.resume(sessionId);
    if (!session) return { sessionId };
    const user = await users.byId(session.userId);
    return { sessionId, session, ...(user ? { user } : {}) };
  };
  return (req) => {
    let answer = resolved.get(req);
    if (!answer) {
      answer = resolve(req);
      resolved.set(req, answer);
    }
    return answer;
  };
}
