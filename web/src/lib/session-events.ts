import type { SessionInfo } from './auth-contract';

/** Why the app shows the sign-in page again: the server forgot the session, or the person left. */
export type SignOutReason = 'expired' | 'signed_out';

export type SessionEvent =
  | { type: 'session'; session: SessionInfo }
  | { type: 'signed_out'; reason: SignOutReason };

// The session's CSRF token lives here, outside React, so the api client can send it with
// every state-changing request without each caller passing it along.
let csrfToken: string | null = null;
const listeners = new Set<(event: SessionEvent) => void>();

export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Keeps the token of a session the server just confirmed (sign-in, GET /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Tells the app about a session it did not ask for itself (a token refreshed after a 403). */
export function sessionRefreshed(session: SessionInfo): void {
  csrfToken = session.csrf_token;
  for (const listener of listeners) listener({ type: 'session', session });
}

/** The session is over: show the sign-in page, keeping the URL so the view comes back after. */
export function sessionEnded(reason: SignOutReason): void {
  csrfToken = null;
  for (const listener of listeners) listener({ type: 'signed_out', reason });
}

export function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
