import { z } from 'zod';
import { PAGE_SIZES } from './stocks';

/*
 * The audit trail: who checked what, when, and what WeChat Pay answered. Append-only; rows leave
 * only through the retention purge (AUDIT_RETENTION_DAYS, default 400). Admins read it through
 * GET /api/admin/audit (JSON pages) and GET /api/admin/audit.csv (same filters, every row).
 */

export const auditActionSchema = z.enum([
  'login',
  'logout',
  'login_failed',
  'page_lookup',
  'stock_lookup',
  'scan',
  'search',
  'coverage_check',
  'export',
  'user_management',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** Response header of every audited stock request: the id of the row it will be recorded as. */
export const AUDIT_ID_HEADER = 'X-Audit-Id';

const isoTime = z.iso.datetime({ offset: true });

export const auditEntrySchema = z.object({
  /** Quote it in a dispute ticket: the coverage answer carries it as X-Audit-Id. */
  id: z.number().int().positive(),
  at: isoTime,
  /** Null for a failed sign-in under a name that is no account (the name typed is not kept). */
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: auditActionSchema,
  /** The endpoint, e.g. "POST /stocks/:stockId/coverage"; null for sign-in and admin actions. */
  route: z.string().nullable(),
  stock_id: z.string().nullable(),
  stock_creator_mchid: z.string().nullable(),
  /** Codes submitted (coverage) or shown (search page, items page); null when not counted. */
  code_count: z.number().int().nonnegative().nullable(),
  /** 'ok', our error code (FORBIDDEN, UPSTREAM_REJECTED, …), or 'aborted' (caller left). */
  outcome: z.string(),
  /** WeChat Pay Request-IDs the answer rests on. */
  request_ids: z.array(z.string()),
  client_ip: z.string().nullable(),
  /** What an admin action did, e.g. "create alice (support)"; never a password. */
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_INPUT_RULES = {
  text: 'text',
  single: 'single value',
  time: 'ISO 8601 date (YYYY-MM-DD, UTC) or date-time with offset',
  page: 'integer ≥ 1',
  pageSize: 'one of 10, 20, 50, 100',
  action: auditActionSchema.options.join(', '),
  unknown: 'unknown parameter',
} as const;

const text = () =>
  z.string({
    error: (issue) =>
      Array.isArray(issue.input) ? AUDIT_INPUT_RULES.single : AUDIT_INPUT_RULES.text,
  });
const optionalText = (max: number) => text().trim().max(max).optional();

/** A date (UTC midnight) or a date-time; `to` of a date means through the end of that day. */
const timeSchema = text()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    AUDIT_INPUT_RULES.time,
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), AUDIT_INPUT_RULES.time);

const wholeNumber = (rule: string) =>
  text()
    .regex(/^\d{1,9}$/, rule)
    .transform(Number);

/** Query of GET /api/admin/audit; GET /api/admin/audit.csv takes the same minus paging. */
export const auditQuerySchema = z.strictObject(
  {
    user: optionalText(128),
    stock_id: optionalText(64),
    action: z.enum(auditActionSchema.options, { error: AUDIT_INPUT_RULES.action }).optional(),
    /** Inclusive. */
    from: timeSchema.optional(),
    /** Exclusive for a date-time; a date includes the whole day. */
    to: timeSchema.optional(),
    page: wholeNumber(AUDIT_INPUT_RULES.page)
      .pipe(z.number().min(1, AUDIT_INPUT_RULES.page))
      .default(1),
    page_size: wholeNumber(AUDIT_INPUT_RULES.pageSize)
      .refine(
        (size) => (PAGE_SIZES as readonly number[]).includes(size),
        AUDIT_INPUT_RULES.pageSize,
      )
      .default(50),
  },
  { error: () => AUDIT_INPUT_RULES.unknown },
);
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** GET /api/admin/audit: newest first. */
export const auditPageResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  page: z.number().int().min(1),
  page_size: z.number().int(),
  total: z.number().int().nonnegative(),
});
export type AuditPageResponse = z.infer<typeof auditPageResponseSchema>;

/** Columns of GET /api/admin/audit.csv (UTF-8 with BOM; request_ids space-separated). */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'username',
  'role',
  'action',
  'route',
  'stock_id',
  'stock_creator_mchid',
  'code_count',
  'outcome',
  'request_ids',
  'client_ip',
  'detail',
] as const;
