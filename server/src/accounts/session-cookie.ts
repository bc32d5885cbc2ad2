import type { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from '../contract/auth';

// What sessions.ts issues: 32 random bytes in base64url. Anything else is not ours.
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** The session id from the Cookie header, if it has our shape (the first one wins). */
export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return SESSION_ID.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * httpOnly (no script reads it), SameSite=Strict (no request another site starts carries it, not
 * even a top-level link to an export: docs/decisions/013-cross-site-requests.md), Secure when
 * the request came over https (req.secure follows the app's trust proxy setting).
 */
function options(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, id: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, id, { ...options(req), maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}
