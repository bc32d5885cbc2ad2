import { ApiError } from '@/lib/api/error';

/**
 * What went wrong with a sign-in, by the explanation id the server named (never its text): wrong
 * name or password (one answer for a disabled account too, so nobody learns which names exist),
 * too many failures (with the wait), or anything else, explained by the catalog.
 */
export type LoginFailure =
  | { kind: 'credentials' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'other'; error: unknown };

// The server's throttle window; used only if a 429 ever arrives without its figure.
const FALLBACK_WAIT_SECONDS = 15 * 60;

export function loginFailure(error: unknown): LoginFailure {
  const explanation = error instanceof ApiError ? error.payload?.explanation : undefined;
  if (explanation === 'api.unauthenticated') return { kind: 'credentials' };
  if (explanation === 'api.rate_limited' && error instanceof ApiError) {
    const seconds = error.payload?.retryAfterSeconds ?? FALLBACK_WAIT_SECONDS;
    return { kind: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
  }
  return { kind: 'other', error };
}
