import type { ErrorRow } from './error-scenarios';

/** One page of the items endpoint, kept apart so faults can bend it before it is serialised. */
export interface ItemsPage {
  data: string[];
  limit: number;
  offset: number;
  stock_id: string;
  total_count: number;
}

/** What a route decided to answer, before faults and signing. */
export interface JsonReply {
  status: number;
  body: unknown;
  page?: ItemsPage;
}

/** The APIv3 error body: `{ code, message, detail? }`. */
export function errorReply(row: ErrorRow, detail?: Record<string, unknown>): JsonReply {
  return {
    status: row.status,
    body: { code: row.code, message: row.message, ...(detail ? { detail } : {}) },
  };
}

export function okReply(body: unknown): JsonReply {
  return { status: 200, body };
}

/** Items pages keep the upstream example's (alphabetical) key order. */
export function pageReply(page: ItemsPage): JsonReply {
  const { data, limit, offset, stock_id, total_count } = page;
  return { status: 200, body: { data, limit, offset, stock_id, total_count }, page };
}

export const isSuccess = (reply: JsonReply): boolean => reply.status >= 200 && reply.status < 300;

/** Rows the sandbox answers that are not in the items page's table (platform-wide ones). */
export const PLATFORM_ROWS = {
  missingHeaders: { status: 400, code: 'INVALID_REQUEST', message: 'Http头缺少Accept或User-Agent' },
  notFound: { status: 404, code: 'NOT_FOUND', message: '请求的URL不存在' },
  systemError: { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' },
  serviceUnavailable: {
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: '服务不可用，请稍后重试',
  },
  rateLimited: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' },
  pastTheEnd: { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '查询的数据不存在' },
} satisfies Record<string, ErrorRow>;
