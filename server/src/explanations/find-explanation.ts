import type { ApiErrorCode } from '../contract/error';
import type { Explanation } from '../contract/explanation';
import type { WechatPayError, WechatPayErrorKind } from '../wechatpay/errors';
import { explanationCatalog, explanationsById } from './catalog';
import { createUpstreamMatcher, type UpstreamAnswer } from './match-upstream';

function mustGet(id: string): Explanation {
  const entry = explanationsById.get(id);
  if (!entry) throw new Error(`explanation ${id} is missing from the catalog`);
  return entry;
}

// Resolved at load, so a missing entry fails the server's start rather than a lookup.
const UNKNOWN = mustGet('upstream.unknown');
const INTERNAL = mustGet('api.internal');
const matchUpstream = createUpstreamMatcher(explanationCatalog.explanations, UNKNOWN);

const KIND_IDS: Record<WechatPayErrorKind, string> = {
  invalid_input: 'client.invalid_input',
  upstream_rejected: 'client.upstream_rejected',
  rate_limited: 'client.rate_limited',
  upstream_unavailable: 'client.upstream_unavailable',
  response_unsigned: 'client.response_unsigned',
  bad_signature: 'client.bad_signature',
  unknown_serial: 'client.unknown_serial',
  stale_timestamp: 'client.stale_timestamp',
  malformed_response: 'client.malformed_response',
};

// Our wire codes for WeChat Pay failures are explained by the client's kind entries.
const API_IDS: Record<ApiErrorCode, string> = {
  INVALID_INPUT: 'api.invalid_input',
  UNAUTHENTICATED: 'api.unauthenticated',
  FORBIDDEN: 'api.forbidden',
  NOT_FOUND: 'api.not_found',
  RATE_LIMITED: 'api.rate_limited',
  PAYLOAD_TOO_LARGE: 'api.payload_too_large',
  SCAN_NOT_STARTED: 'api.scan_not_started',
  SCAN_INTERRUPTED: 'api.scan_interrupted',
  SHARED_STORE_UNAVAILABLE: 'api.shared_store_unavailable',
  INTERNAL: 'api.internal',
  BAD_REQUEST: 'api.bad_request',
  REQUEST_TIMEOUT: 'api.request_timeout',
  HEADERS_TOO_LARGE: 'api.headers_too_large',
  HOST_NOT_ALLOWED: 'api.host_not_allowed',
  CROSS_SITE_REFUSED: 'api.cross_site_refused',
  TOO_MANY_STREAMS: 'api.too_many_streams',
  UPSTREAM_REJECTED: 'client.upstream_rejected',
  UPSTREAM_RATE_LIMITED: 'client.rate_limited',
  UPSTREAM_UNAVAILABLE: 'client.upstream_unavailable',
  RESPONSE_UNSIGNED: 'client.response_unsigned',
  BAD_SIGNATURE: 'client.bad_signature',
  UNKNOWN_SERIAL: 'client.unknown_serial',
  STALE_TIMESTAMP: 'client.stale_timestamp',
  MALFORMED_RESPONSE: 'client.malformed_response',
};
for (const id of [...Object.values(KIND_IDS), ...Object.values(API_IDS)]) mustGet(id);

function lookup(table: Record<string, string>, key: unknown): Explanation | undefined {
  if (typeof key !== 'string' || !Object.hasOwn(table, key)) return undefined;
  return explanationsById.get(table[key] ?? '');
}

/**
 * Explains a WeChat Pay error body: by code and exact message (a row of the items page's error
 * table), else by code, else by HTTP status (400, 401, 403, 404, 429, 5xx), else the unknown
 * entry. Never throws, whatever the (unauthenticated) body held.
 */
export function explainUpstream(answer: UpstreamAnswer & { detail?: unknown }): Explanation {
  if (typeof answer !== 'object' || answer === null) return UNKNOWN;
  return matchUpstream(answer);
}

/** Explains one of the WeChat Pay client's error kinds; timeouts, network and 5xx apart. */
export function explainKind(
  kind: WechatPayErrorKind,
  cause?: WechatPayError['cause'],
): Explanation {
  if (kind === 'upstream_unavailable' && cause) {
    const specific = explanationsById.get(`client.upstream_unavailable.${cause}`);
    if (specific) return specific;
  }
  return lookup(KIND_IDS, kind) ?? UNKNOWN;
}

/**
 * Explains a client failure as precisely as it allows: WeChat Pay's own code and message when
 * it answered with one, else the client's kind (and cause). For rate limits and 5xx a bare
 * status says less than the kind entry, which also tells that the client already retried.
 */
export function explainWechatPayError(
  error: Pick<WechatPayError, 'kind' | 'status' | 'upstream' | 'cause'>,
): Explanation {
  const rejected = error.kind === 'upstream_rejected';
  const transient =
    error.kind === 'rate_limited' ||
    (error.kind === 'upstream_unavailable' && error.cause === 'server_error');
  if ((rejected || transient) && (error.upstream || error.status !== undefined)) {
    const entry = explainUpstream({ status: error.status, ...error.upstream });
    if (entry.match.code !== undefined || (rejected && entry !== UNKNOWN)) return entry;
  }
  return explainKind(error.kind, error.cause);
}

/** Explains one of our own API's error codes; unknown codes get the internal-error entry. */
export function explainApi(code: ApiErrorCode): Explanation {
  return lookup(API_IDS, code) ?? INTERNAL;
}

/** The entry with this id (as named by a wire error's `explanation`), or undefined. */
export function getExplanationById(id: string): Explanation | undefined {
  return explanationsById.get(id);
}
