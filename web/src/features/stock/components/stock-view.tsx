import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockDetailsResponse } from 'server/contract';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { stockDetailsQuery } from '@/features/stock/api/stock-details-query';
import type { Navigate, ViewState } from '@/features/stock/lib/view-state';
import type { StockTarget } from '@/lib/stock-path';
import { KindNotice } from './kind-notice';
import { StockHeader } from './stock-header';
import { StockTabs } from './stock-tabs';
import { useCurrentPage } from './use-current-page';

interface StockViewProps {
  view: ViewState;
  navigate: Navigate;
  /** The address of this view, for the "copy link" button. */
  link: string;
  onDetails?: (details: StockDetailsResponse) => void;
}

/** Everything about one stock: header, then its codes or why it has none. */
export function StockView({ view, navigate, link, onDetails }: StockViewProps) {
  const { t } = useTranslation();
  const { stock, mchid } = view;
  const target: StockTarget = useMemo(() => ({ stock, mchid }), [stock, mchid]);
  const details = useQuery(stockDetailsQuery(target));
  // Fetched alongside the details, not after them, so the first rows arrive as soon as possible;
  // skipped once the details say there is no list to fetch.
  const noList = details.isError || (details.isSuccess && details.data.kind !== 'single_item');
  const page = useCurrentPage(target, view, noList);

  useEffect(() => {
    if (details.data) onDetails?.(details.data);
  }, [details.data, onDetails]);

  if (details.isPending) return <Loading label={t('stock.loading', { stock: view.stock })} />;
  if (details.isError) {
    return (
      <ErrorPanel error={details.error} onRetry={() => void details.refetch()} headingLevel={2} />
    );
  }
  const totalCount = page.query.data?.total_count ?? null;
  return (
    <div className="stock-view">
      <StockHeader details={details.data} link={link} totalCount={totalCount} target={target} />
      {details.data.kind === 'single_item' ? (
        <StockTabs view={view} navigate={navigate} target={target} page={page} />
      ) : (
        <KindNotice kind={details.data.kind} />
      )}
    </div>
  );
}
