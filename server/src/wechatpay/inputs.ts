import { z } from 'zod';
import type { LocalFailure } from './errors';

// WHATWG URLs resolve `.`/`..` (even percent-encoded) as dot segments: such a stock id would
// silently address another resource, so it is refused rather than sent.
const pathSegment = z
  .string()
  .min(1)
  .max(20)
  .refine((value) => value !== '.' && value !== '..');
const mchid = z.string().min(1).max(20);

/** The items endpoint's documented request rules, checked before any network call. */
export const itemsQuerySchema = z.object({
  stockId: pathSegment,
  stockCreatorMchid: mchid,
  offset: z.number().int().min(0).max(500),
  limit: z.number().int().min(1).max(100),
});
export type ItemsQuery = z.infer<typeof itemsQuerySchema>;

/** The stock details endpoint's request rules. */
export const stockQuerySchema = itemsQuerySchema.pick({ stockId: true, stockCreatorMchid: true });
export type StockQuery = z.infer<typeof stockQuerySchema>;

// Named as WeChat Pay names them, so an explanation can quote the documented rule.
const FIELDS: Record<string, { field: string; rule: string }> = {
  stockId: { field: 'stock_id', rule: 'string[1,20], not "." or ".."' },
  stockCreatorMchid: { field: 'stock_creator_mchid', rule: 'string[1,20]' },
  offset: { field: 'offset', rule: 'integer 0..500' },
  limit: { field: 'limit', rule: 'integer 1..100' },
};

/** Parses `value` with `schema`, or describes the first broken rule as an invalid_input failure. */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; failure: LocalFailure } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const known = FIELDS[key] ?? { field: key || '(input)', rule: issue?.code ?? 'invalid' };
  const given = typeof value === 'object' && value !== null ? Reflect.get(value, key) : value;
  const message = `${known.field} breaks rule ${known.rule}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, failure: { kind: 'invalid_input', message, ...known, value: given } };
}
