import type { Response } from 'express';
import type { StoredSession } from './store/session-store';
import type { User } from './store/users';

/** Who is calling, once the guard has checked the session. */
export interface RequestAccess {
  user: User;
  session: StoredSession;
  /** The cookie's session id: for logout only; never log, audit or answer it. */
  sessionId: string;
  /**
   * Registers a long-lived answer (event stream) of this session, ended with it (sign-out,
   * disable, expiry); throws 429 TOO_MANY_STREAMS past the per-session maximum. Returns release.
   */
  holdStream(end: () => void): () => void;
}

// Typed, unlike res.locals; keyed by the response so it lives exactly as long as the request.
const accessByResponse = new WeakMap<Response, RequestAccess>();

export function setAccess(res: Response, access: RequestAccess): void {
  accessByResponse.set(res, access);
}

export function accessOf(res: Response): RequestAccess | undefined {
  return accessByResponse.get(res);
}
