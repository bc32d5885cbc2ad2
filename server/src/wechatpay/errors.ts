import { z } from 'zod';

export type WechatPayErrorKind =
  | 'invalid_input'
  | 'upstream_rejected'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'response_unsigned'
  | 'bad_signature'
  | 'unknown_serial'
  | 'stale_timestamp'
  | 'malformed_response';

export type WechatPayError = {
  kind: WechatPayErrorKind;
  /** For logs and developers; never shown as the user's explanation. */
  message: string;
  /** True only for rate_limited and upstream_unavailable. */
  retryable: boolean;
  /** The upstream Request-ID header, when there was one: support staff quote it. */
  requestId?: string;
  status?: number;
  /** The parsed error body (unauthenticated text), when there was one. */
  upstream?: { code: string; message: string; detail?: unknown };
  /** upstream_unavailable only. */
  cause?: 'timeout' | 'network' | 'server_error';
  /** invalid_input only. */
  field?: string;
  rule?: string;
  value?: unknown;
};

export type WechatPayResult<T> =
  | { ok: true; data: T; requestId?: string; attempts: number }
  | { ok: false; error: WechatPayError; attempts: number };

/** A failure we detected ourselves: before sending (input) or on a 2xx (verification, shape). */
export type LocalFailure =
  | {
      kind: 'response_unsigned' | 'bad_signature' | 'unknown_serial' | 'stale_timestamp';
      message: string;
    }
  | { kind: 'malformed_response'; message: string }
  | { kind: 'invalid_input'; message: string; field: string; rule: string; value: unknown };

export type WechatPayErrorInput = {
  status?: number;
  /** The raw response body; error bodies are unauthenticated, so it is parsed defensively. */
  body?: string;
  headers?: Headers;
  transportFailure?: 'timeout' | 'network';
  local?: LocalFailure;
};

const errorBodySchema = z.looseObject({
  code: z.string().min(1),
  message: z.string().catch(''),
  detail: z.unknown().optional(),
});

const RETRYABLE: ReadonlySet<WechatPayErrorKind> = new Set([
  'rate_limited',
  'upstream_unavailable',
]);
const SERVER_ERRORS: ReadonlySet<number> = new Set([500, 502, 503, 504]);
// Keeps a hostile or huge HTML error page out of logs and our own error bodies.
const MAX_TEXT = 200;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseUpstream(body: string | undefined): WechatPayError['upstream'] {
  if (!body) return undefined;
  const json = parseJson(body);
  const parsed = json.ok ? errorBodySchema.safeParse(json.value) : undefined;
  if (!parsed?.success) return undefined;
  const { code, message, detail } = parsed.data;
  return detail === undefined ? { code, message } : { code, message, detail };
}

function make(kind: WechatPayErrorKind, message: string, extra: Partial<WechatPayError>) {
  const error: WechatPayError = { kind, message, retryable: RETRYABLE.has(kind) };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) Object.assign(error, { [key]: value });
  }
  return error;
}

/**
 * Rule (API v3 errors): key off the HTTP status first, then the code. 429 → rate_limited;
 * 500/502/503/504 → upstream_unavailable; other statuses → upstream_rejected (code 'UNKNOWN' when
 * the body is not a WeChat Pay error body); transport failures → upstream_unavailable; a 2xx
 * that is not JSON → malformed_response. Local failures keep their own kind.
 */
export function toWechatPayError(input: WechatPayErrorInput): WechatPayError {
  const { status, body, headers, transportFailure, local } = input;
  const requestId = headers?.get('request-id') ?? undefined;
  if (local) {
    const { kind, message, ...rest } = local;
    return make(kind, message, { ...rest, requestId, status });
  }
  if (transportFailure) {
    const what = transportFailure === 'timeout' ? 'timed out' : 'failed (network)';
    return make('upstream_unavailable', `request ${what}`, { cause: transportFailure });
  }
  if (status === undefined) {
    return make('upstream_unavailable', 'no response', { cause: 'network' });
  }
  if (status >= 200 && status < 300) {
    const why = parseJson(body ?? '').ok ? 'has an unexpected shape' : 'is not JSON';
    return make('malformed_response', `HTTP ${status} body ${why}`, { requestId, status });
  }
  const upstream = parseUpstream(body);
  const label = upstream ? `${upstream.code}: ${upstream.message}` : 'unparsed body';
  const message = `HTTP ${status} ${label}`;
  if (status === 429) return make('rate_limited', message, { requestId, status, upstream });
  if (SERVER_ERRORS.has(status)) {
    return make('upstream_unavailable', message, {
      requestId,
      status,
      upstream,
      cause: 'server_error',
    });
  }
  const fallback = { code: 'UNKNOWN', message: (body ?? '').slice(0, MAX_TEXT) };
  return make('upstream_rejected', message, { requestId, status, upstream: upstream ?? fallback });
}

/** Only rate limits and unavailability can be cured by asking again. */
export function isRetryableKind(kind: WechatPayErrorKind): boolean {
  return RETRYABLE.has(kind);
}
