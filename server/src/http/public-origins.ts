import type { Request, RequestHandler } from 'express';
import { apiError } from './api-error';

// Computed once per request by the host check, read again by the CSRF Origin check.
const originsByRequest = new WeakMap<Request, readonly string[]>();

/** The address a connection reached, as it appears in a URL (IPv6 in brackets). */
function urlHost(address: string): string {
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain.includes(':') ? `[${plain}]` : plain;
}

/**
 * The console's own listening address: the IP literal and port the connection reached, and
 * localhost on that port. A name that resolves here through DNS (rebinding) is never on it.
 */
function listeningOrigins(req: Request): string[] {
  const { localAddress, localPort } = req.socket;
  if (!localAddress || !localPort) return [];
  return [`http://${urlHost(localAddress)}:${localPort}`, `http://localhost:${localPort}`].map(
    (url) => new URL(url).origin,
  );
}

/** Every origin this request may name: CONSOLE_PUBLIC_URL's, then the listening address. */
export function allowedOriginsOf(req: Request): readonly string[] {
  return originsByRequest.get(req) ?? listeningOrigins(req);
}

/** The request's Host (X-Forwarded-Host behind a trusted proxy) read under the origin's scheme. */
function hostMatches(req: Request, origin: string): boolean {
  const allowed = new URL(origin);
  try {
    return new URL(`${allowed.protocol}//${req.host}`).host === allowed.host;
  } catch {
    return false;
  }
}

/**
 * OWASP ASVS 14.5 / DNS rebinding: answer only requests that name the console's own address.
 * `publicOrigins` are CONSOLE_PUBLIC_URL's origins; the listening address is always accepted
 * (tests, health checks by IP, a newcomer on 127.0.0.1).
 */
export function hostAllowList(publicOrigins: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    const origins = [...new Set([...publicOrigins, ...listeningOrigins(req)])];
    originsByRequest.set(req, origins);
    if (origins.some((origin) => hostMatches(req, origin))) return next();
    next(
      apiError(
        'HOST_NOT_ALLOWED',
        `Host ${JSON.stringify(req.host ?? '')} is not an address of this console: use ${origins[0] ?? 'its own address'} (CONSOLE_PUBLIC_URL lists the accepted ones)`,
      ),
    );
  };
}
