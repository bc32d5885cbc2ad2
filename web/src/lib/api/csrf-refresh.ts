import { sessionInfoSchema } from '@/lib/auth-contract';
import { currentCsrfToken, sessionEnded, sessionRefreshed } from '@/lib/session-events';
import { requestHeaders } from './csrf';
import { SESSION_PATH } from './failure-policy';

/**
 * After our 403 to a change: asks GET /api/auth/me for the session's current token (another tab
 * may have signed in again and replaced the session). True when it differs from the refused one,
 * so one retry can help; a 401 here means the session is gone.
 */
export async function refreshCsrfToken(refused: string | null, signal?: AbortSignal) {
  const response = await fetch(SESSION_PATH, {
    headers: requestHeaders('GET', false, currentCsrfToken()),
    credentials: 'same-origin',
    signal,
  }).catch(() => undefined);
  if (!response) return false;
  if (response.status === 401) {
    sessionEnded('expired');
    return false;
  }
  const parsed = sessionInfoSchema.safeParse(await response.json().catch(() => undefined));
  if (!response.ok || !parsed.success) return false;
  sessionRefreshed(parsed.data);
  return parsed.data.csrf_token !== refused;
}
