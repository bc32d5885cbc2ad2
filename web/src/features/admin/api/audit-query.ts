import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { auditApiQuery } from '@/features/admin/lib/audit-api-query';
import type { AuditFilters } from '@/features/admin/lib/audit-filters';
import { apiGet } from '@/lib/api/client';
import { auditPageResponseSchema } from '@/lib/audit-contract';

/** One page of the audit trail, newest first: GET /api/admin/audit. */
export function auditQuery(filters: AuditFilters) {
  const query = auditApiQuery(filters, true);
  return queryOptions({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) =>
      apiGet(`/api/admin/audit?${query}`, (body) => auditPageResponseSchema.parse(body), signal),
    placeholderData: keepPreviousData,
    // New rows arrive with every lookup anyone makes: a revisit shows them.
    staleTime: 0,
  });
}

/** GET /api/admin/audit.csv with the same filters: every matching row, as a file. */
export function auditCsvHref(filters: AuditFilters): string {
  const query = auditApiQuery(filters, false);
  return `/api/admin/audit.csv${query ? `?${query}` : ''}`;
}
