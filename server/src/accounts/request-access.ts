import type { Response } from 'express';
import type { StoredSession } from './store/session-store';
import type { User } from './store/users';

/** Who is calling, once the guard has checked the session. */
export interface RequestAccess {
  user: User;
  session: StoredSession;
  /** The cookie's session id: for logout only; never log, audit or answer it. */
  sessionId: string;
}

// Typed, unlike res.locals; keyed by the response so it lives exactly as long as the request.
const accessByResponse = new WeakMap<Response, RequestAccess>();

export function setAccess(res: Response, access: RequestAccess): void {
  accessByResponse.set(res, access);
}

export function accessOf(res: Response): RequestAccess | undefined {
  return accessByResponse.get(res);
}
