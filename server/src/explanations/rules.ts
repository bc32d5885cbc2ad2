import type { ApiErrorCode } from '../contract/error';
import type { Explanation } from '../contract/explanation';
import type { WechatPayErrorKind } from '../wechatpay/errors';

/** What an explanation answers to and how it behaves; its words are in locales/<locale>.json. */
export type ExplanationRule = Omit<Explanation, 'texts'>;

/**
 * Every explanation, in the order GET /api/explanations lists them. Upstream rows match
 * WeChat Pay's answer by code + message (one row of its error table), by code alone, or by
 * HTTP status alone (see match-upstream.ts); client and API rows are named by the tables below.
 * `producible_by_lookup: false` marks errors the stock lookup cannot produce: support staff paste
 * them in from other tools.
 */
// biome-ignore format: one row per line, so the rules read as a table
export const explanationRules: readonly ExplanationRule[] = [
  { id: 'upstream.PARAM_ERROR.page_size', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '页大小超过阈值' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.PARAM_ERROR.stock_id_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '批次号必填' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.PARAM_ERROR.mchid_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '商户号必填' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.PARAM_ERROR.invalid_stock_status', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '非法的批次状态' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.PARAM_ERROR.callback_url_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '回调url不能为空' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.PARAM_ERROR.callback_mchid_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '回调商户不能为空' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.PARAM_ERROR.coupon_id_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '券id必填' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.PARAM_ERROR.appid_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: 'appid必填' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.PARAM_ERROR.openid_required', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: 'openid必填' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.PARAM_ERROR.time_format', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR', message: '输入时间格式错误' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.MCH_NOT_EXISTS.invalid_mchid', source: 'upstream', match: { status: 400, code: 'MCH_NOT_EXISTS', message: '商户号不合法' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.INVALID_REQUEST.openid_appid_mismatch', source: 'upstream', match: { status: 400, code: 'INVALID_REQUEST', message: 'openid与appid不匹配' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.INVALID_REQUEST.stock_not_active', source: 'upstream', match: { status: 400, code: 'INVALID_REQUEST', message: '活动已结束或未激活' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.INVALID_REQUEST.illegal_mchid', source: 'upstream', match: { status: 400, code: 'INVALID_REQUEST', message: '非法的商户号' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.APPID_MCHID_NOT_MATCH.not_bound', source: 'upstream', match: { status: 400, code: 'APPID_MCHID_NOT_MATCH', message: '商户号与appid不匹配' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.USER_ACCOUNT_ABNORMAL.user_abnormal', source: 'upstream', match: { status: 403, code: 'USER_ACCOUNT_ABNORMAL', message: '用户非法' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.NOT_ENOUGH.budget_exhausted', source: 'upstream', match: { status: 403, code: 'NOT_ENOUGH', message: '批次预算不足' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.REQUEST_BLOCKED.no_product_permission', source: 'upstream', match: { status: 403, code: 'REQUEST_BLOCKED', message: '调用商户无权限' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.REQUEST_BLOCKED.stock_not_yours', source: 'upstream', match: { status: 403, code: 'REQUEST_BLOCKED', message: '商户无权发券' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.REQUEST_BLOCKED.cross_merchant_not_authorised', source: 'upstream', match: { status: 403, code: 'REQUEST_BLOCKED', message: '批次不支持跨商户发券' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.REQUEST_BLOCKED.user_limit_reached', source: 'upstream', match: { status: 403, code: 'REQUEST_BLOCKED', message: '用户被限领拦截' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.RESOURCE_NOT_EXISTS.stock_not_found', source: 'upstream', match: { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.FREQUENCY_LIMIT_EXCEED.rate_limited', source: 'upstream', match: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.SIGN_ERROR', source: 'upstream', match: { status: 401, code: 'SIGN_ERROR' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.NO_AUTH', source: 'upstream', match: { status: 403, code: 'NO_AUTH' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.SYSTEM_ERROR', source: 'upstream', match: { status: 500, code: 'SYSTEM_ERROR' }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.SERVICE_UNAVAILABLE', source: 'upstream', match: { status: 503, code: 'SERVICE_UNAVAILABLE' }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.RATELIMIT_EXCEEDED', source: 'upstream', match: { status: 429, code: 'RATELIMIT_EXCEEDED' }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.INVALID_REQUEST.missing_accept_or_user_agent', source: 'upstream', match: { status: 400, code: 'INVALID_REQUEST', message: 'Http头缺少Accept或User-Agent' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.RESOURCE_NOT_EXISTS.no_platform_certificate', source: 'upstream', match: { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '无可用的平台证书' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.PARAM_ERROR', source: 'upstream', match: { status: 400, code: 'PARAM_ERROR' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.INVALID_REQUEST', source: 'upstream', match: { status: 400, code: 'INVALID_REQUEST' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.MCH_NOT_EXISTS', source: 'upstream', match: { status: 400, code: 'MCH_NOT_EXISTS' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.REQUEST_BLOCKED', source: 'upstream', match: { status: 403, code: 'REQUEST_BLOCKED' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.RESOURCE_NOT_EXISTS', source: 'upstream', match: { status: 404, code: 'RESOURCE_NOT_EXISTS' }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.FREQUENCY_LIMIT_EXCEED', source: 'upstream', match: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED' }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.APPID_MCHID_NOT_MATCH', source: 'upstream', match: { status: 400, code: 'APPID_MCHID_NOT_MATCH' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.USER_ACCOUNT_ABNORMAL', source: 'upstream', match: { status: 403, code: 'USER_ACCOUNT_ABNORMAL' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.NOT_ENOUGH', source: 'upstream', match: { status: 403, code: 'NOT_ENOUGH' }, retryable: false, producible_by_lookup: false },
  { id: 'upstream.status.400', source: 'upstream', match: { status: 400 }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.status.401', source: 'upstream', match: { status: 401 }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.status.403', source: 'upstream', match: { status: 403 }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.status.404', source: 'upstream', match: { status: 404 }, retryable: false, producible_by_lookup: true },
  { id: 'upstream.status.429', source: 'upstream', match: { status: 429 }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.status.5xx', source: 'upstream', match: { status: 500 }, retryable: true, producible_by_lookup: true },
  { id: 'upstream.unknown', source: 'upstream', match: {}, retryable: false, producible_by_lookup: true },
  { id: 'client.invalid_input', source: 'client', match: { code: 'invalid_input' }, retryable: false, producible_by_lookup: true },
  { id: 'client.upstream_rejected', source: 'client', match: { code: 'upstream_rejected' }, retryable: false, producible_by_lookup: true },
  { id: 'client.rate_limited', source: 'client', match: { code: 'rate_limited' }, retryable: true, producible_by_lookup: true },
  { id: 'client.upstream_unavailable', source: 'client', match: { code: 'upstream_unavailable' }, retryable: true, producible_by_lookup: true },
  { id: 'client.upstream_unavailable.timeout', source: 'client', match: { code: 'upstream_unavailable' }, retryable: true, producible_by_lookup: true },
  { id: 'client.upstream_unavailable.network', source: 'client', match: { code: 'upstream_unavailable' }, retryable: true, producible_by_lookup: true },
  { id: 'client.upstream_unavailable.server_error', source: 'client', match: { code: 'upstream_unavailable' }, retryable: true, producible_by_lookup: true },
  { id: 'client.response_unsigned', source: 'client', match: { code: 'response_unsigned' }, retryable: false, producible_by_lookup: true },
  { id: 'client.bad_signature', source: 'client', match: { code: 'bad_signature' }, retryable: false, producible_by_lookup: true },
  { id: 'client.unknown_serial', source: 'client', match: { code: 'unknown_serial' }, retryable: false, producible_by_lookup: true },
  { id: 'client.stale_timestamp', source: 'client', match: { code: 'stale_timestamp' }, retryable: false, producible_by_lookup: true },
  { id: 'client.malformed_response', source: 'client', match: { code: 'malformed_response' }, retryable: false, producible_by_lookup: true },
  { id: 'api.invalid_input', source: 'api', match: { status: 400, code: 'INVALID_INPUT' }, retryable: false, producible_by_lookup: true },
  { id: 'api.unauthenticated', source: 'api', match: { status: 401, code: 'UNAUTHENTICATED' }, retryable: false, producible_by_lookup: true },
  { id: 'api.forbidden', source: 'api', match: { status: 403, code: 'FORBIDDEN' }, retryable: false, producible_by_lookup: true },
  { id: 'api.not_found', source: 'api', match: { status: 404, code: 'NOT_FOUND' }, retryable: false, producible_by_lookup: true },
  { id: 'api.rate_limited', source: 'api', match: { status: 429, code: 'RATE_LIMITED' }, retryable: true, producible_by_lookup: true },
  { id: 'api.user_budget_exceeded', source: 'api', match: { status: 429, code: 'USER_BUDGET_EXCEEDED' }, retryable: true, producible_by_lookup: true },
  { id: 'api.scan_not_started', source: 'api', match: { status: 409, code: 'SCAN_NOT_STARTED' }, retryable: false, producible_by_lookup: true },
  { id: 'api.scan_interrupted', source: 'api', match: { status: 503, code: 'SCAN_INTERRUPTED' }, retryable: true, producible_by_lookup: true },
  { id: 'api.payload_too_large', source: 'api', match: { status: 413, code: 'PAYLOAD_TOO_LARGE' }, retryable: false, producible_by_lookup: true },
  { id: 'api.shared_store_unavailable', source: 'api', match: { status: 503, code: 'SHARED_STORE_UNAVAILABLE' }, retryable: true, producible_by_lookup: true },
  // Refusals that keep sign-in safe from strangers: a busy password check, a guessable password.
  { id: 'api.sign_in_busy', source: 'api', match: { status: 503, code: 'SIGN_IN_BUSY' }, retryable: true, producible_by_lookup: true },
  { id: 'api.password_refused', source: 'api', match: { status: 400, code: 'PASSWORD_REFUSED' }, retryable: false, producible_by_lookup: true },
  { id: 'api.internal', source: 'api', match: { status: 500, code: 'INTERNAL' }, retryable: true, producible_by_lookup: true },
];

/** The WeChat Pay client's error kinds; `upstream_unavailable` also has one row per cause. */
export const kindExplanationIds: Record<WechatPayErrorKind, string> = {
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
export const apiExplanationIds: Record<ApiErrorCode, string> = {
  INVALID_INPUT: 'api.invalid_input',
  UNAUTHENTICATED: 'api.unauthenticated',
  FORBIDDEN: 'api.forbidden',
  NOT_FOUND: 'api.not_found',
  RATE_LIMITED: 'api.rate_limited',
  USER_BUDGET_EXCEEDED: 'api.user_budget_exceeded',
  PAYLOAD_TOO_LARGE: 'api.payload_too_large',
  SCAN_NOT_STARTED: 'api.scan_not_started',
  SCAN_INTERRUPTED: 'api.scan_interrupted',
  SHARED_STORE_UNAVAILABLE: 'api.shared_store_unavailable',
  SIGN_IN_BUSY: 'api.sign_in_busy',
  PASSWORD_REFUSED: 'api.password_refused',
  INTERNAL: 'api.internal',
  UPSTREAM_REJECTED: 'client.upstream_rejected',
  UPSTREAM_RATE_LIMITED: 'client.rate_limited',
  UPSTREAM_UNAVAILABLE: 'client.upstream_unavailable',
  RESPONSE_UNSIGNED: 'client.response_unsigned',
  BAD_SIGNATURE: 'client.bad_signature',
  UNKNOWN_SERIAL: 'client.unknown_serial',
  STALE_TIMESTAMP: 'client.stale_timestamp',
  MALFORMED_RESPONSE: 'client.malformed_response',
};
