import { z } from 'zod';
import { apiErrorBodySchema } from './error';

/*
 * The stock part of our HTTP API. Input schemas carry the rule a person broke as the issue's
 * message, so the server's 400 and the web's form error name the same rule in the same words.
 * Query values arrive as text; a duplicated query parameter arrives as an array and is refused.
 */

export const STOCK_INPUT_RULES = {
  required: 'required',
  single: 'single value',
  text: 'text',
  idLength: 'length 1..20',
  idCharset: 'letters, digits, _ and - only',
  offset: 'integer 0..500',
  limit: 'integer 1..100',
  page: 'integer ≥ 1',
  pageSize: 'one of 10, 20, 50, 100',
  query: 'at most 128 characters',
  refresh: 'true or false',
  object: 'JSON object',
  unknown: 'unknown parameter',
  codesList: 'list of codes',
  codesCount: '1..10,000 codes',
  codeLength: '1..128 characters after trimming',
} as const;

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const MAX_COVERAGE_CODES = 10_000;

const text = () =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? STOCK_INPUT_RULES.required
        : Array.isArray(issue.input)
          ? STOCK_INPUT_RULES.single
          : STOCK_INPUT_RULES.text,
  });

/** stock_id and stock_creator_mchid: the seed's string[1,20], restricted to URL-safe ASCII. */
export const wechatIdSchema = text()
  .min(1, STOCK_INPUT_RULES.idLength)
  .max(20, STOCK_INPUT_RULES.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, STOCK_INPUT_RULES.idCharset);

/** A whole number given as text (or a number, for forms), within [min, max]. */
function wholeNumber(min: number, max: number, rule: string) {
  return z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    text()
      .regex(/^\d{1,9}$/, rule)
      .transform(Number)
      .pipe(z.number().min(min, rule).max(max, rule)),
  );
}

const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? STOCK_INPUT_RULES.unknown : STOCK_INPUT_RULES.object,
  });

export const offsetSchema = wholeNumber(0, 500, STOCK_INPUT_RULES.offset);
export const limitSchema = wholeNumber(1, 100, STOCK_INPUT_RULES.limit);
export const pageSchema = wholeNumber(1, 999_999_999, STOCK_INPUT_RULES.page);
export const pageSizeSchema = wholeNumber(10, 100, STOCK_INPUT_RULES.pageSize).refine(
  (size) => (PAGE_SIZES as readonly number[]).includes(size),
  STOCK_INPUT_RULES.pageSize,
);
export const searchTextSchema = text().trim().max(128, STOCK_INPUT_RULES.query);
export const productCodeSchema = text()
  .trim()
  .min(1, STOCK_INPUT_RULES.codeLength)
  .max(128, STOCK_INPUT_RULES.codeLength);

export const stockQuerySchema = strict({ stock_creator_mchid: wechatIdSchema });
export type StockQuery = z.infer<typeof stockQuerySchema>;

export const itemsQuerySchema = strict({
  stock_creator_mchid: wechatIdSchema,
  offset: offsetSchema.default(0),
  limit: limitSchema.default(10),
});
export type ItemsQuery = z.infer<typeof itemsQuerySchema>;

export const startScanBodySchema = strict({
  stock_creator_mchid: wechatIdSchema,
  refresh: z.boolean({ error: STOCK_INPUT_RULES.refresh }).default(false),
});
export type StartScanBody = z.infer<typeof startScanBodySchema>;

export const codesQuerySchema = strict({
  stock_creator_mchid: wechatIdSchema,
  q: searchTextSchema.default(''),
  page: pageSchema.default(1),
  page_size: pageSizeSchema.default(20),
});
export type CodesQuery = z.infer<typeof codesQuerySchema>;

export const codesCsvQuerySchema = strict({
  stock_creator_mchid: wechatIdSchema,
  q: searchTextSchema.default(''),
});
export type CodesCsvQuery = z.infer<typeof codesCsvQuerySchema>;

/** 1..10,000 codes, each trimmed; the check folds duplicates (first-seen order) and counts them. */
export const coverageBodySchema = strict({
  stock_creator_mchid: wechatIdSchema,
  codes: z
    .array(productCodeSchema, {
      error: (issue) =>
        issue.input === undefined ? STOCK_INPUT_RULES.required : STOCK_INPUT_RULES.codesList,
    })
    .min(1, STOCK_INPUT_RULES.codesCount)
    .max(MAX_COVERAGE_CODES, STOCK_INPUT_RULES.codesCount),
});
export type CoverageBody = z.infer<typeof coverageBodySchema>;

// ---- responses ----

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const offsetModeSchema = z.enum(['page', 'item']).nullable();
const errorPayloadSchema = apiErrorBodySchema.shape.error;

export const stockKindSchema = z.enum(['single_item', 'whole_store', 'not_voucher']);
export type StockKind = z.infer<typeof stockKindSchema>;

export const stockDetailsResponseSchema = z.object({
  stock_id: z.string(),
  stock_creator_mchid: z.string(),
  stock_name: z.string(),
  status: z.enum(['unactivated', 'audit', 'running', 'stoped', 'paused']),
  stock_type: z.enum(['NORMAL', 'DISCOUNT_CUT', 'OTHER']),
  singleitem: z.boolean(),
  kind: stockKindSchema,
  available_begin_time: z.string(),
  available_end_time: z.string(),
  distributed_coupons: z.number().optional(),
  stock_use_rule: z.record(z.string(), z.unknown()).optional(),
  fetched_at: isoTime,
  request_id: z.string().nullable(),
});
export type StockDetailsResponse = z.infer<typeof stockDetailsResponseSchema>;

/** One upstream page exactly as WeChat Pay returned it, plus when and under which Request-ID. */
export const itemsPageResponseSchema = z.object({
  stock_id: z.string(),
  total_count: count,
  offset: count,
  limit: count,
  data: z.array(z.string()),
  fetched_at: isoTime,
  request_id: z.string().nullable(),
  /** How the upstream reads `offset`, when known (null until auto-detection has run). */
  offset_mode: offsetModeSchema,
});
export type ItemsPageResponse = z.infer<typeof itemsPageResponseSchema>;

export const scanStateSchema = z.enum(['running', 'done', 'failed', 'interrupted']);
export type ScanState = z.infer<typeof scanStateSchema>;

/** Progress of the latest full scan: the POST answer, the GET answer and every SSE event. */
export const scanProgressSchema = z.object({
  stock_id: z.string(),
  stock_creator_mchid: z.string(),
  state: scanStateSchema,
  pages_done: count,
  pages_total: count.nullable(),
  codes_loaded: count,
  total_count: count.nullable(),
  /** How many codes the API lets anyone read (50,100 with page offsets, 600 with item offsets). */
  reachable_count: count.nullable(),
  truncated: z.boolean(),
  started_at: isoTime,
  finished_at: isoTime.nullable(),
  eta_seconds: z.number().min(0).nullable(),
  /**
   * Failed or interrupted: why. Running: the upstream answer (429, 5xx) the scan is waiting out
   * before retrying, with retryAfterSeconds; null when nothing is in the way.
   */
  error: errorPayloadSchema.nullable(),
  offset_mode: offsetModeSchema,
  /** When a finished scan leaves the cache; null while running. */
  expires_at: isoTime.nullable(),
  request_count: count,
});
export type ScanProgress = z.infer<typeof scanProgressSchema>;

export const codesResponseSchema = z.object({
  stock_id: z.string(),
  q: z.string(),
  page: z.number().int().min(1),
  page_size: z.number().int(),
  items: z.array(z.object({ code: z.string(), exact: z.boolean() })),
  match_count: count,
  searched_count: count,
  total_count: count.nullable(),
  reachable_count: count.nullable(),
  /** True only when the scan finished and read every code of the stock. */
  complete: z.boolean(),
  truncated: z.boolean(),
  scan_state: scanStateSchema,
});
export type CodesResponse = z.infer<typeof codesResponseSchema>;

export const coverageStatusSchema = z.enum(['covered', 'not_covered', 'unknown']);
export type CoverageStatus = z.infer<typeof coverageStatusSchema>;

export const coverageEvidenceSchema = z.object({
  checked_at: isoTime,
  scan_state: scanStateSchema,
  scan_started_at: isoTime,
  scan_finished_at: isoTime.nullable(),
  /** The first and last few WeChat Pay Request-IDs of the scan, for support staff to quote. */
  request_ids: z.object({ first: z.array(z.string()), last: z.array(z.string()), count }),
  codes_loaded: count,
  reachable_count: count.nullable(),
  total_count: count.nullable(),
  truncated: z.boolean(),
  complete: z.boolean(),
  /** A whole-store voucher (全场券) has no item list and applies to every product. */
  whole_store: z.boolean(),
});
export type CoverageEvidence = z.infer<typeof coverageEvidenceSchema>;

/** Why a code that is not on the list still looks like a listed one (the near-miss rules). */
export const nearMissReasonSchema = z.enum([
  'case',
  'width',
  'invisible',
  'whitespace',
  'leading_zeros',
  'separator',
]);
export type NearMissReason = z.infer<typeof nearMissReasonSchema>;

export const nearMissSchema = z.object({
  /** The listed code the checked code nearly matches. */
  code: z.string(),
  reasons: z.array(nearMissReasonSchema).min(1),
});
export type NearMiss = z.infer<typeof nearMissSchema>;

/**
 * An order's product code is at most 32 letters, digits, `-` and `_`. A code outside that can
 * never match an order, whatever the list says: the result says which rule it breaks.
 */
export const orderFormatProblemSchema = z.enum(['too_long', 'invalid_characters']);
export type OrderFormatProblem = z.infer<typeof orderFormatProblemSchema>;

export const coverageResultSchema = z.object({
  code: z.string(),
  status: coverageStatusSchema,
  /** Present when the code is not covered but matches a listed code after normalisation. */
  near_miss: nearMissSchema.optional(),
  /** Present when no order can carry this code. */
  order_format: orderFormatProblemSchema.optional(),
});
export type CoverageResult = z.infer<typeof coverageResultSchema>;

export const coverageResponseSchema = z.object({
  stock_id: z.string(),
  results: z.array(coverageResultSchema),
  counts: z.object({ covered: count, not_covered: count, unknown: count }),
  duplicates_folded: count,
  evidence: coverageEvidenceSchema,
  /** The audit trail's entry for this check (null when the console runs without one). */
  audit_id: z.number().int().positive().nullable(),
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;
