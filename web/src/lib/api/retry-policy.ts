import { ApiError } from './error';

const RATE_LIMIT_CODES = new Set(['RATE_LIMITED', 'USER_BUDGET_EXCEEDED', 'UPSTREAM_RATE_LIMITED']);

// WeChat Pay's 429 carries no Retry-After; its limits are per minute and the server paces
// itself under them, so a short wait is usually enough. The server's figure wins when given.
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 10;

/** Anything thrown becomes an ApiError; something that is not one is a contract failure. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('contract', null, null, null);
}

/** Retrying helps when the error says so, or when the network or a proxy failed. */
export function canRetry(failure: ApiError): boolean {
  if (failure.payload) return failure.payload.retryable;
  return failure.kind === 'network' || failure.kind === 'http';
}

/** Seconds to wait before retrying without being asked: rate limits only. */
export function waitBeforeRetry(failure: ApiError): number | undefined {
  const payload = failure.payload;
  if (!payload?.retryable || !RATE_LIMIT_CODES.has(payload.code)) return undefined;
  return payload.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS;
}

// Each failed attempt is a new error object; a new key gives its panel a fresh countdown.
const errorIds = new WeakMap<object, number>();
let nextErrorId = 0;

export function errorKey(error: unknown): number {
  if (typeof error !== 'object' || error === null) return -1;
  let id = errorIds.get(error);
  if (id === undefined) {
    nextErrorId += 1;
    id = nextErrorId;
    errorIds.set(error, id);
  }
  return id;
}
