import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPost, apiRequest } from '@/lib/api/client';
import { LOGIN_PATH, LOGOUT_PATH } from '@/lib/api/failure-policy';
import { demoLoginResponseSchema, type LoginRequest, sessionInfoSchema } from '@/lib/auth-contract';
import { setCsrfToken } from '@/lib/session-events';

/** POST /api/auth/login: the server sets the session cookie and answers the session. */
export async function signIn(input: LoginRequest) {
  const session = await apiPost(LOGIN_PATH, input, (body) => sessionInfoSchema.parse(body));
  setCsrfToken(session.csrf_token);
  return session;
}

/** POST /api/auth/logout (204): the server ends the session for good. */
export async function signOut(): Promise<void> {
  await apiRequest(LOGOUT_PATH, () => undefined, { method: 'POST' });
  setCsrfToken(null);
}

/** GET /api/auth/demo: the sandbox's demo admin, for the sign-in page's hint (sandbox only). */
export const demoLoginQuery = queryOptions({
  queryKey: ['auth', 'demo'],
  queryFn: ({ signal }) =>
    apiGet('/api/auth/demo', (body) => demoLoginResponseSchema.parse(body), signal),
  staleTime: Number.POSITIVE_INFINITY,
});
