import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { codesResponseSchema } from 'server/contract';
import { apiGet } from '@/lib/api/client';
import { type StockTarget, stockKey, stockPath } from '@/lib/stock-path';

/** The prefix the scan's progress events invalidate, so matches appear as pages arrive. */
export function codesSearchKey(target: StockTarget) {
  return [...stockKey(target), 'codes'] as const;
}

/** Search in the scanned codes: GET /api/stocks/:id/codes (works on a partial scan). */
export function codesSearchQuery(target: StockTarget, q: string, page: number, pageSize: number) {
  return queryOptions({
    queryKey: [...codesSearchKey(target), { q, page, pageSize }],
    queryFn: ({ signal }) =>
      apiGet(
        stockPath(target, '/codes', { q, page, page_size: pageSize }),
        (body) => codesResponseSchema.parse(body),
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
