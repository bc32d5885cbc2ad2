import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { itemsPageResponseSchema } from 'server/contract';
import { apiGet } from '@/lib/api/client';
import { type StockTarget, stockKey, stockPath } from '@/lib/stock-path';

/**
 * One upstream page as WeChat Pay returned it: GET /api/stocks/:id/items. `fresh` asks past the
 * server's short page cache (the header's refresh button).
 */
export function itemsPageQuery(target: StockTarget, offset: number, limit: number, fresh = false) {
  return queryOptions({
    queryKey: [...stockKey(target), 'items', { offset, limit }],
    queryFn: ({ signal }) =>
      apiGet(
        stockPath(target, '/items', { offset, limit }),
        (body) => itemsPageResponseSchema.parse(body),
        signal,
        fresh,
      ),
    // Paging keeps the last page on screen until the next one arrives: no empty flash.
    placeholderData: keepPreviousData,
  });
}
