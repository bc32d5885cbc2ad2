import { z } from 'zod';
import { DEFAULT_LIMIT, DEFAULT_OFFSET, MAX_LIMIT, MAX_OFFSET } from './constants';
import { errorReply, type JsonReply } from './reply';

export const PARAM_MESSAGES = {
  mchidRequired: '商户号必填',
  pageSize: '页大小超过阈值',
  /** Not in the documented table; the sandbox's wording for offset > 500. */
  offsetTooLarge: '页码超过阈值',
  /** Not in the documented table; the sandbox's wording for a non-numeric offset or limit. */
  notUint32: '参数格式错误',
};

const mchid = z
  .string({ error: PARAM_MESSAGES.mchidRequired })
  .min(1, PARAM_MESSAGES.mchidRequired);

const uint32 = z
  .string()
  .regex(/^\d{1,10}$/, PARAM_MESSAGES.notUint32)
  .transform(Number)
  .pipe(z.number().max(0xffff_ffff, PARAM_MESSAGES.notUint32));

/** Query of the items endpoint, checked in this order: stock_creator_mchid, offset, limit. */
export const itemsQuerySchema = z.object({
  stock_creator_mchid: mchid,
  offset: uint32
    .pipe(z.number().max(MAX_OFFSET, PARAM_MESSAGES.offsetTooLarge))
    .default(DEFAULT_OFFSET),
  limit: uint32
    .pipe(z.number().min(1, PARAM_MESSAGES.pageSize).max(MAX_LIMIT, PARAM_MESSAGES.pageSize))
    .default(DEFAULT_LIMIT),
});
export type ItemsQuery = z.infer<typeof itemsQuerySchema>;

/** Query of the stock details endpoint. */
export const stockQuerySchema = z.object({ stock_creator_mchid: mchid });
export type StockQuery = z.infer<typeof stockQuerySchema>;

/**
 * Parses a query with one schema; the first failing field becomes a 400 PARAM_ERROR whose
 * detail names it, as upstream's `{ field, value, issue, location }` does.
 */
export function parseQuery<T>(
  schema: z.ZodType<T>,
  params: URLSearchParams,
): { ok: true; value: T } | { ok: false; reply: JsonReply } {
  const raw = Object.fromEntries(params);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const message = issue?.message ?? PARAM_MESSAGES.notUint32;
  const detail = { field, value: raw[field] ?? '', issue: message, location: 'query' };
  return { ok: false, reply: errorReply({ status: 400, code: 'PARAM_ERROR', message }, detail) };
}
