import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { Pagination } from '@/components/pagination';
import { browsableCount } from '@/features/stock/lib/offsets';
import type { Navigate, ViewState } from '@/features/stock/lib/view-state';
import { formatCount, formatDateTime } from '@/lib/format';
import { pageCount } from '@/lib/pages';
import { MARKS, measureOnce } from '@/lib/perf';
import { useLanguage } from '@/lib/use-language';
import { type CodeRow, CodesTable } from './codes-table';
import type { CurrentPage } from './use-current-page';

interface BrowseCodesProps {
  view: ViewState;
  navigate: Navigate;
  page: CurrentPage;
}

/** The stock's codes page by page, straight from WeChat Pay's items endpoint. */
export function BrowseCodes({ view, navigate, page }: BrowseCodesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { query, mode, lastPage } = page;
  const data = query.data;
  const shownPage = Math.min(view.page, lastPage);
  const rows = useMemo<CodeRow[]>(() => {
    if (!data) return [];
    // Numbered from the page actually shown (the previous one, while the next loads).
    const first = mode === 'item' ? data.offset : data.offset * data.limit;
    return data.data.map((code, index) => ({ n: first + index + 1, code }));
  }, [data, mode]);

  useEffect(() => {
    if (rows.length > 0) measureOnce(MARKS.firstRows, MARKS.lookupSubmit);
  }, [rows]);

  // A link to a page past the end (the stock shrank, or a hand-edited URL) lands on the last one.
  const lastPageOfData = data
    ? Math.min(pageCount(browsableCount(data.total_count, view.size, mode), view.size), lastPage)
    : null;
  useEffect(() => {
    if (lastPageOfData !== null && !query.isPlaceholderData && view.page > lastPageOfData) {
      navigate({ page: lastPageOfData }, { replace: true });
    }
  }, [lastPageOfData, query.isPlaceholderData, view.page, navigate]);

  if (query.isPending) return <Loading label={t('codes.loading')} />;
  if (query.isError && !data) {
    return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!data) return null;
  const total = data.total_count;
  const browsable = browsableCount(total, view.size, mode);
  const pages = Math.min(pageCount(browsable, view.size), lastPage);
  return (
    <section className="codes" aria-labelledby="codes-title">
      <h3 id="codes-title" className="section-title">
        {t('codes.title')}
      </h3>
      {query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {browsable < total ? (
        <p className="notice-inline">
          {t('codes.browseLimit', {
            browsable: formatCount(browsable, language),
            total: formatCount(total, language),
          })}
        </p>
      ) : null}
      {total === 0 ? (
        <p className="empty">{t('codes.empty')}</p>
      ) : (
        <>
          <Pagination
            page={shownPage}
            pageCount={pages}
            size={view.size}
            summary={t('codes.summary', { count: total, formatted: formatCount(total, language) })}
            onPage={(next) => navigate({ page: next })}
            onSize={(size) => navigate({ size })}
          />
          <CodesTable
            rows={rows}
            caption={t('codes.caption', { page: shownPage, total: pages })}
            busy={query.isPlaceholderData}
          />
          <p className="table-foot">
            {query.isPlaceholderData ? t('codes.loadingPage') : null}{' '}
            {t('codes.fetchedAt', { time: formatDateTime(data.fetched_at, language) })}
            {data.request_id ? ` · ${t('codes.requestId', { id: data.request_id })}` : null}
          </p>
        </>
      )}
    </section>
  );
}
