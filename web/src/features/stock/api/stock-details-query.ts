import { queryOptions } from '@tanstack/react-query';
import { stockDetailsResponseSchema } from 'server/contract';
import { apiGet } from '@/lib/api/client';
import { type StockTarget, stockKey, stockPath } from '@/lib/stock-path';

/** The stock's details for the page header: GET /api/stocks/:id. */
export function stockDetailsQuery(target: StockTarget) {
  return queryOptions({
    queryKey: [...stockKey(target), 'details'],
    queryFn: ({ signal }) =>
      apiGet(stockPath(target), (body) => stockDetailsResponseSchema.parse(body), signal),
  });
}
