import { CSRF_HEADER } from '@/lib/auth-contract';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const STATE_CHANGING: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: HttpMethod): boolean {
  return STATE_CHANGING.has(method);
}

/**
 * The headers of one API request. OWASP CSRF Prevention, "synchronizer token": every
 * state-changing request carries the session's token (from GET /api/auth/me) in X-CSRF-Token;
 * the browser adds the Origin header itself. Reads never carry it, so it leaks nowhere else.
 */
export function requestHeaders(
  method: HttpMethod,
  hasBody: boolean,
  csrfToken: string | null,
): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (csrfToken && isStateChanging(method)) headers[CSRF_HEADER] = csrfToken;
  return headers;
}
