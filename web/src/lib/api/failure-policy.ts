import { type HttpMethod, isStateChanging } from './csrf';
import type { ApiError } from './error';

export const LOGIN_PATH = '/api/auth/login';
export const SESSION_PATH = '/api/auth/me';
export const LOGOUT_PATH = '/api/auth/logout';

/** What the api client does next with a failed answer. */
export type FailureStep = 'sign_in' | 'refresh_token' | 'fail';

const pathOnly = (path: string) => path.split('?')[0] ?? path;

export interface FailedAnswer {
  status: number;
  /** Our error code, when the body had our error shape. */
  code: string | null;
  path: string;
  method: HttpMethod;
  /** Whether this answer is already the retry. */
  retried: boolean;
}

/**
 * A 401 anywhere sends the app to the sign-in page, except the sign-in's own 401 (a wrong
 * password, shown beside the form). Our 403 FORBIDDEN to a state-changing request may be a stale
 * CSRF token (another tab signed in again): fetch the session's token and retry once, then
 * believe it. A 403 relayed from WeChat Pay has another code and is never retried here.
 */
export function stepAfter(answer: FailedAnswer): FailureStep {
  const route = pathOnly(answer.path);
  if (answer.status === 401) return route === LOGIN_PATH ? 'fail' : 'sign_in';
  const csrfSuspect =
    answer.status === 403 && answer.code === 'FORBIDDEN' && isStateChanging(answer.method);
  if (csrfSuspect && !answer.retried && route !== LOGIN_PATH) return 'refresh_token';
  return 'fail';
}

/** How a screen shows a failure it caught: sign-in page, a plain role refusal, or explained. */
export type FailureView = 'sign_in' | 'role_refused' | 'explain';

export function failureView(failure: Pick<ApiError, 'status' | 'payload'>): FailureView {
  if (failure.status === 401 || failure.payload?.code === 'UNAUTHENTICATED') return 'sign_in';
  if (failure.status === 403 && failure.payload?.code === 'FORBIDDEN') return 'role_refused';
  return 'explain';
}
