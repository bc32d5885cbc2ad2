import { z } from 'zod';

/** Every error code our API can answer with: the web renders by code, never by parsing text. */
export const apiErrorCodeSchema = z.enum([
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'USER_BUDGET_EXCEEDED',
  'PAYLOAD_TOO_LARGE',
  'SCAN_NOT_STARTED',
  'SCAN_INTERRUPTED',
  'SHARED_STORE_UNAVAILABLE',
  'SIGN_IN_BUSY',
  'PASSWORD_REFUSED',
  'INTERNAL',
  'BAD_REQUEST',
  'REQUEST_TIMEOUT',
  'HEADERS_TOO_LARGE',
  'HOST_NOT_ALLOWED',
  'CROSS_SITE_REFUSED',
  'TOO_MANY_STREAMS',
  'UPSTREAM_REJECTED',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'RESPONSE_UNSIGNED',
  'BAD_SIGNATURE',
  'UNKNOWN_SERIAL',
  'STALE_TIMESTAMP',
  'MALFORMED_RESPONSE',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    status: z.number().int(),
    message: z.string(),
    /** Id of the entry in GET /api/explanations that explains this error to people. */
    explanation: z.string(),
    retryable: z.boolean(),
    /** WeChat Pay's Request-ID, for support staff to quote. */
    requestId: z.string().optional(),
    upstream: z
      .object({ code: z.string(), message: z.string(), detail: z.unknown().optional() })
      .optional(),
    field: z.string().optional(),
    rule: z.string().optional(),
    value: z.unknown().optional(),
    /** Seconds until a retry can help (rate limits). */
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
export type ApiErrorPayload = ApiErrorBody['error'];
