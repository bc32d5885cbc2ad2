import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ItemsPageResponse } from 'server/contract';
import { itemsPageQuery } from '@/features/stock/api/items-page-query';
import { lastReachablePage, type OffsetMode, offsetFor } from '@/features/stock/lib/offsets';
import type { ViewState } from '@/features/stock/lib/view-state';
import type { StockTarget } from '@/lib/stock-path';

export interface CurrentPage {
  query: UseQueryResult<ItemsPageResponse>;
  mode: OffsetMode;
  lastPage: number;
}

/**
 * The upstream page the URL names, and the next one prefetched. The offset mode starts as the
 * documented page number and follows what the server has learned (page 1 is the same in both).
 */
export function useCurrentPage(target: StockTarget, view: ViewState, skip: boolean): CurrentPage {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<OffsetMode>('page');
  const lastPage = lastReachablePage(view.size, mode);
  const page = Math.min(view.page, lastPage);
  const query = useQuery({
    ...itemsPageQuery(target, offsetFor(page, view.size, mode), view.size),
    enabled: !skip,
  });
  const learned = query.data?.offset_mode;
  const total = query.data?.total_count;

  useEffect(() => {
    if (learned && learned !== mode) setMode(learned);
  }, [learned, mode]);

  useEffect(() => {
    if (skip || total === undefined || query.isPlaceholderData) return;
    const next = page + 1;
    if (next > lastPage || (next - 1) * view.size >= total) return;
    void queryClient.prefetchQuery(
      itemsPageQuery(target, offsetFor(next, view.size, mode), view.size),
    );
  }, [skip, total, query.isPlaceholderData, page, lastPage, view.size, mode, target, queryClient]);

  return { query, mode, lastPage };
}
