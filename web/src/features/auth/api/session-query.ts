import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api/client';
import { ApiError } from '@/lib/api/error';
import { SESSION_PATH } from '@/lib/api/failure-policy';
import { type SessionInfo, sessionInfoSchema } from '@/lib/auth-contract';
import { setCsrfToken } from '@/lib/session-events';

/**
 * Who is signed in: GET /api/auth/me, or null when nobody is (401). It also hands the session's
 * CSRF token to the api client, which sends it with every state-changing request.
 */
export const sessionQuery = queryOptions({
  queryKey: ['auth', 'session'],
  queryFn: async ({ signal }): Promise<SessionInfo | null> => {
    try {
      const session = await apiGet(SESSION_PATH, (body) => sessionInfoSchema.parse(body), signal);
      setCsrfToken(session.csrf_token);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  // The gate changes it by hand on sign-in, sign-out and a 401; nothing else makes it stale.
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});
