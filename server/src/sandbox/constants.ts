/** The sandbox merchant: creator of every normal stock and the mchid its requests must carry. */
export const SANDBOX_MCHID = '1900000109';

/** Upstream limits of the items endpoint (查询代金券可用单品): offset ≤ 500, limit ≤ 100. */
export const MAX_OFFSET = 500;
export const MAX_LIMIT = 100;
export const DEFAULT_OFFSET = 0;
export const DEFAULT_LIMIT = 10;

/** ±5 minutes between a request's Authorization timestamp and the sandbox clock. */
export const REQUEST_CLOCK_SKEW_SECONDS = 300;

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

export type PaginationMode = 'page' | 'item';
export type SigningMode = 'public_key' | 'certificate';
