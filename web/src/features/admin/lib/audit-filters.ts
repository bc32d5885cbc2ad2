import { z } from 'zod';
import { auditActionSchema } from '@/lib/audit-contract';
import { pageField, sizeField, textField } from '@/lib/url/search-fields';

/** Whether a YYYY-MM-DD text names a day that exists (no 2026-02-30, no month 13). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A calendar day (YYYY-MM-DD); anything else is no bound. */
const dayField = z.string().refine(isCalendarDay).default('').catch('');

/**
 * The audit page's view, held in the URL (`/admin/audit?user=…`) so a link reproduces it. `from`
 * and `to` are days in the reader's time zone; `to` includes its whole day.
 */
export const auditSearchSchema = z.object({
  user: textField(128),
  stock: textField(64),
  action: auditActionSchema.or(z.literal('')).default('').catch(''),
  from: dayField,
  to: dayField,
  // The server's own default page size.
  size: sizeField(50),
  page: pageField,
});
export type AuditFilters = z.output<typeof auditSearchSchema>;

export const DEFAULT_AUDIT_FILTERS: AuditFilters = auditSearchSchema.parse({});

/** Any change but a page turn starts again at page 1: the old page number means nothing now. */
export function nextAuditFilters(current: AuditFilters, change: Partial<AuditFilters>) {
  const next = { ...current, ...change, page: change.page ?? 1 };
  return { ...next, user: next.user.trim(), stock: next.stock.trim() };
}
