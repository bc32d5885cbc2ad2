import { apiErrorBodySchema } from 'server/contract';
import { currentCsrfToken, sessionEnded } from '@/lib/session-events';
import { type HttpMethod, requestHeaders } from './csrf';
import { refreshCsrfToken } from './csrf-refresh';
import { ApiError } from './error';
import { stepAfter } from './failure-policy';

interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  /** Ask past every cache on the way (the browser sends Cache-Control: no-cache). */
  fresh?: boolean;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = requestHeaders(method, options.body !== undefined, currentCsrfToken());
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
      ...(options.fresh ? { cache: 'reload' as const } : {}),
    });
  } catch (error) {
    // Cancellation is not a failure: let TanStack Query see the AbortError it expects.
    if (options.signal?.aborted) throw error;
    throw new ApiError('network', null, null, null);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('X-Request-Id');
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = apiErrorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError('api', response.status, parsed.data.error, requestId);
  return new ApiError('http', response.status, null, requestId);
}

/**
 * One exchange with the API, answering only a 2xx response: a 401 ends the session in the app
 * (sign-in page, URL kept); our 403 to a change is retried once with a fresh CSRF token.
 */
async function exchange(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  let retried = false;
  for (;;) {
    const token = currentCsrfToken();
    const response = await send(path, options);
    if (response.ok) return response;
    const error = await failure(response);
    const code = error.payload?.code ?? null;
    const step = stepAfter({ status: response.status, code, path, method, retried });
    if (step === 'sign_in') sessionEnded('expired');
    if (step !== 'refresh_token' || !(await refreshCsrfToken(token, options.signal))) throw error;
    retried = true;
  }
}

/** Sends one request and parses a 2xx body with the contract's schema; throws ApiError otherwise. */
export async function apiRequest<T>(
  path: string,
  parse: (body: unknown) => T,
  options: RequestOptions = {},
): Promise<T> {
  const response = await exchange(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  try {
    return parse(body);
  } catch {
    throw new ApiError('contract', response.status, null, response.headers.get('X-Request-Id'));
  }
}

export function apiGet<T>(
  path: string,
  parse: (body: unknown) => T,
  signal?: AbortSignal,
  fresh = false,
) {
  return apiRequest(path, parse, { signal, fresh });
}

export function apiPost<T>(
  path: string,
  body: unknown,
  parse: (body: unknown) => T,
  signal?: AbortSignal,
) {
  return apiRequest(path, parse, { method: 'POST', body, signal });
}

/** Fetches a file (a CSV export) and hands it to the browser as a download. */
export async function apiDownload(
  path: string,
  body: unknown,
  fallbackName: string,
): Promise<void> {
  const response = await exchange(path, { method: 'POST', body });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
