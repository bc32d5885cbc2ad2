import type { ApiErrorCode, ApiErrorPayload } from '../contract/error';
import { StoreUnavailableError } from '../infra/store-unavailable';
import type { WechatPayError } from '../wechatpay/errors';

/** What our wire error says before the edge names the explanation (see explained.ts). */
export type ApiErrorFacts = Omit<ApiErrorPayload, 'explanation'>;

/** What the explanation is looked up by: our own code, or WeChat Pay's failure. */
export type ExplanationKey = { code: ApiOwnCode } | { wechatPay: WechatPayError };

/** An error on its way to our wire shape. Route handlers throw it; one middleware answers. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly payload: ApiErrorFacts,
    readonly explainBy: ExplanationKey,
  ) {
    super(payload.message);
  }
}

export type ApiOwnCode = Exclude<ApiErrorCode, `UPSTREAM_${string}` | WechatPaySignatureCode>;
type WechatPaySignatureCode =
  | 'RESPONSE_UNSIGNED'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_SERIAL'
  | 'STALE_TIMESTAMP'
  | 'MALFORMED_RESPONSE';

const OWN_STATUS: Record<ApiOwnCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  USER_BUDGET_EXCEEDED: 429,
  SCAN_NOT_STARTED: 409,
  SCAN_INTERRUPTED: 503,
  SHARED_STORE_UNAVAILABLE: 503,
  SIGN_IN_BUSY: 503,
  PASSWORD_REFUSED: 400,
  INTERNAL: 500,
  BAD_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  HOST_NOT_ALLOWED: 421,
  CROSS_SITE_REFUSED: 403,
  TOO_MANY_STREAMS: 429,
};

const RETRYABLE_OWN: ReadonlySet<ApiOwnCode> = new Set([
  'RATE_LIMITED',
  'USER_BUDGET_EXCEEDED',
  'SCAN_INTERRUPTED',
  'SHARED_STORE_UNAVAILABLE',
  'SIGN_IN_BUSY',
  'TOO_MANY_STREAMS',
]);

/** One of our own errors (not WeChat Pay's), explained by its code. */
export function apiError(
  code: ApiOwnCode,
  message: string,
  extra: Partial<Omit<ApiErrorPayload, 'code' | 'message' | 'explanation'>> = {},
): ApiError {
  return new ApiError(
    {
      code,
      status: OWN_STATUS[code],
      message,
      retryable: RETRYABLE_OWN.has(code),
      ...extra,
    },
    { code },
  );
}

/** Bad input: names the field, the rule it broke and the value given. */
export function invalidInput(input: {
  field: string;
  rule: string;
  value: unknown;
  message?: string;
}) {
  const message = input.message ?? `${input.field}: ${input.rule}`;
  return apiError('INVALID_INPUT', message, {
    field: input.field,
    rule: input.rule,
    value: input.value,
  });
}

const KIND_CODE: Record<WechatPayError['kind'], ApiErrorCode> = {
  invalid_input: 'INVALID_INPUT',
  upstream_rejected: 'UPSTREAM_REJECTED',
  rate_limited: 'UPSTREAM_RATE_LIMITED',
  upstream_unavailable: 'UPSTREAM_UNAVAILABLE',
  response_unsigned: 'RESPONSE_UNSIGNED',
  bad_signature: 'BAD_SIGNATURE',
  unknown_serial: 'UNKNOWN_SERIAL',
  stale_timestamp: 'STALE_TIMESTAMP',
  malformed_response: 'MALFORMED_RESPONSE',
};

/**
 * Our status for an upstream failure: WeChat Pay's own status when it refused the request
 * (so 404 stays 404), 429 for its rate limit, and 502 when its answer could not be trusted.
 */
function statusFor(error: WechatPayError): number {
  if (error.kind === 'invalid_input') return 400;
  if (error.kind === 'upstream_rejected' && error.status) return error.status;
  if (error.kind === 'rate_limited') return 429;
  if (error.kind === 'upstream_unavailable' && error.cause === 'timeout') return 504;
  return 502;
}

/** Turns the client's tagged failure into our wire error, keeping the Request-ID. */
export function fromWechatPayError(error: WechatPayError): ApiError {
  return new ApiError(
    {
      code: KIND_CODE[error.kind],
      status: statusFor(error),
      message: error.message,
      retryable: error.retryable,
      ...(error.requestId ? { requestId: error.requestId } : {}),
      ...(error.upstream ? { upstream: error.upstream } : {}),
      ...(error.field ? { field: error.field, rule: error.rule, value: error.value } : {}),
    },
    { wechatPay: error },
  );
}

/**
 * Our wire error for what a handler or a scan threw, when it is one we can explain: our own
 * errors, and a shared store being away (503 SHARED_STORE_UNAVAILABLE). Anything else is a bug.
 */
export function knownApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreUnavailableError) {
    return apiError('SHARED_STORE_UNAVAILABLE', error.message);
  }
  return undefined;
}
