import type { AuditFilters } from './audit-filters';

/** Minutes east of UTC on a calendar day, where the reader is (DST-aware). */
export function localOffsetMinutes(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return -new Date(year, month - 1, day).getTimezoneOffset();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The start of a calendar day at a UTC offset, as ISO 8601: "2026-03-02T00:00:00+08:00". */
export function midnightAt(date: string, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const whole = Math.abs(offsetMinutes);
  return `${date}T00:00:00${sign}${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
}

export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The query of GET /api/admin/audit (with paging) or /api/admin/audit.csv (without). The server
 * reads a bare date as a UTC day; people mean their own day, so dates go out as date-times: from
 * the reader's midnight of `from` to (exclusive) the midnight after `to`.
 */
export function auditApiQuery(
  filters: AuditFilters,
  paging: boolean,
  offsetOf: (date: string) => number = localOffsetMinutes,
): string {
  const params = new URLSearchParams();
  if (filters.user.trim()) params.set('user', filters.user.trim());
  if (filters.stock.trim()) params.set('stock_id', filters.stock.trim());
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', midnightAt(filters.from, offsetOf(filters.from)));
  if (filters.to) {
    const end = dayAfter(filters.to);
    params.set('to', midnightAt(end, offsetOf(end)));
  }
  if (paging) {
    params.set('page', String(filters.page));
    params.set('page_size', String(filters.size));
  }
  return params.toString();
}
