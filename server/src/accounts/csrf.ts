import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { CSRF_HEADER } from '../contract/auth';
import { apiError } from '../http/api-error';
import { allowedOriginsOf } from '../http/public-origins';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isStateChanging = (method: string) => STATE_CHANGING.has(method.toUpperCase());

function originOf(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * OWASP CSRF Prevention, "verifying origin with standard headers": the Origin header (else the
 * Referer) must name one of the console's own origins (scheme, host and port, from
 * CONSOLE_PUBLIC_URL and the listening address), never merely echo the request's Host header,
 * which whoever sends the request chooses. A request with neither is refused: browsers always
 * send Origin on a POST; scripts send `Origin: <the console's URL>` themselves.
 */
export function checkSameOrigin(req: Request): void {
  const origin = req.get('origin');
  const source = origin ?? req.get('referer');
  const sourceUrl = source === undefined || source === 'null' ? undefined : originOf(source);
  if (!sourceUrl || sourceUrl.origin === 'null') {
    throw apiError(
      'FORBIDDEN',
      'Cross-site request check failed: a state-changing request must send an Origin (or Referer) header naming this console',
    );
  }
  const allowed = allowedOriginsOf(req);
  if (!allowed.includes(sourceUrl.origin)) {
    throw apiError(
      'FORBIDDEN',
      `Cross-site request check failed: ${origin ? 'Origin' : 'Referer'} ${sourceUrl.host} is not this console (${allowed.join(', ')})`,
    );
  }
}

/** OWASP CSRF Prevention, "synchronizer token": the header must equal the session's token. */
export function checkCsrfToken(req: Request, expected: string): void {
  const given = req.get(CSRF_HEADER);
  if (!given) {
    throw apiError(
      'FORBIDDEN',
      `Missing ${CSRF_HEADER} header: send the csrf_token of GET /api/auth/me with every POST, PUT, PATCH and DELETE`,
    );
  }
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw apiError(
      'FORBIDDEN',
      `The ${CSRF_HEADER} header does not match this session: reload the console and try again`,
    );
  }
}
