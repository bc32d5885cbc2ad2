import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { Pagination } from '@/components/pagination';
import { codesSearchQuery } from '@/features/stock/api/codes-search-query';
import { useScan } from '@/features/stock/api/use-scan';
import type { Navigate, ViewState } from '@/features/stock/lib/view-state';
import { formatCount } from '@/lib/format';
import { pageCount } from '@/lib/pages';
import { MARKS, measureOnce } from '@/lib/perf';
import { useCan } from '@/lib/session-context';
import { type StockTarget, stockPath } from '@/lib/stock-path';
import { useLanguage } from '@/lib/use-language';
import { type CodeRow, CodesTable } from './codes-table';
import { NoScanNotice } from './no-scan-notice';
import { ScanProgress } from './scan-progress';
import { SearchSummary } from './search-summary';

interface SearchResultsProps {
  view: ViewState;
  navigate: Navigate;
  target: StockTarget;
}

/** Matches from the server's scan of the whole stock, growing as the scan reads more pages. */
export function SearchResults({ view, navigate, target }: SearchResultsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = view.q.trim();
  const canExport = useCan('code_export');
  // Whoever may search starts or joins the shared scan; forcing a new one is an operator's.
  const scan = useScan(target, useCan('search'));
  const codes = useQuery({
    ...codesSearchQuery(target, q, view.page, view.size),
    // The search needs the scan to exist; the POST above starts or joins it (a role that may
    // not would find it, or learn there is none).
    enabled: scan.isSuccess && scan.data !== null,
  });
  const data = codes.data;
  const rows = useMemo<CodeRow[]>(() => {
    if (!data) return [];
    const first = (data.page - 1) * data.page_size;
    return data.items.map((item, index) => ({
      n: first + index + 1,
      code: item.code,
      exact: item.exact,
    }));
  }, [data]);
  const current = data !== undefined && data.q === q && !codes.isPlaceholderData;

  useEffect(() => {
    if (current) measureOnce(MARKS.searchResults, MARKS.searchInput);
  }, [current]);

  // Past the last page of matches (a shared link, fewer matches now): go to the last page.
  const lastPage = data ? pageCount(data.match_count, data.page_size) : null;
  useEffect(() => {
    if (lastPage !== null && current && view.page > lastPage)
      navigate({ page: lastPage }, { replace: true });
  }, [lastPage, current, view.page, navigate]);

  if (scan.isError) return <ErrorPanel error={scan.error} onRetry={() => void scan.refetch()} />;
  if (scan.isPending) return <Loading label={t('scan.starting')} />;
  if (scan.data === null) {
    return <NoScanNotice onCheckAgain={() => void scan.refetch()} busy={scan.isFetching} />;
  }
  const pages = data ? pageCount(data.match_count, data.page_size) : 1;
  return (
    <>
      <ScanProgress target={target} progress={scan.data} />
      <section className="codes" aria-labelledby="search-title" aria-busy={!current || undefined}>
        <h3 id="search-title" className="section-title">
          {t('search.title', { q })}
        </h3>
        {codes.isError ? (
          <ErrorPanel error={codes.error} onRetry={() => void codes.refetch()} />
        ) : null}
        {codes.isPending ? <Loading label={t('search.loading')} /> : null}
        {data ? <SearchSummary result={data} /> : null}
        {data && data.match_count > 0 ? (
          <>
            <Pagination
              page={data.page}
              pageCount={pages}
              size={view.size}
              summary={t('search.matches', {
                count: data.match_count,
                formatted: formatCount(data.match_count, language),
              })}
              onPage={(next) => navigate({ page: next })}
              onSize={(size) => navigate({ size })}
            />
            <CodesTable
              rows={rows}
              caption={t('search.caption', { q, page: data.page, total: pages })}
              highlight={data.q}
              busy={!current}
            />
            {canExport ? (
              <p className="table-foot">
                <a href={stockPath(target, '/codes.csv', { q: data.q })} download>
                  {t('search.downloadMatches')}
                </a>
              </p>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
