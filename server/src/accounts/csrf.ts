import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { CSRF_HEADER } from '../contract/auth';
import { apiError } from '../http/api-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isStateChanging = (method: string) => STATE_CHANGING.has(method.toUpperCase());

// Default ports are left out of an Origin but may appear in a Host header.
const normalHost = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * OWASP CSRF Prevention, "verifying origin with standard headers": the Origin header (else the
 * Referer) must name this host. A request with neither is refused: browsers always send Origin
 * on a POST; scripts send `Origin: <the console's URL>` themselves.
 */
export function checkSameOrigin(req: Request): void {
  const origin = req.get('origin');
  const source = origin ?? req.get('referer');
  const sourceHost = source === undefined || source === 'null' ? undefined : hostOf(source);
  if (!sourceHost) {
    throw apiError(
      'FORBIDDEN',
      'Cross-site request check failed: a state-changing request must send an Origin (or Referer) header naming this console',
    );
  }
  const host = req.host || '';
  if (normalHost(sourceHost) !== normalHost(host)) {
    throw apiError(
      'FORBIDDEN',
      `Cross-site request check failed: ${origin ? 'Origin' : 'Referer'} ${sourceHost} is not this console (${host})`,
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
