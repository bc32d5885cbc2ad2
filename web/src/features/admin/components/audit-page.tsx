import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { Pagination } from '@/components/pagination';
import { auditCsvHref, auditQuery } from '@/features/admin/api/audit-query';
import {
  type AuditFilters,
  nextAuditFilters,
  parseAuditFilters,
  serializeAuditFilters,
} from '@/features/admin/lib/audit-filters';
import { formatCount } from '@/lib/format';
import { pageCount } from '@/lib/pages';
import { useLanguage } from '@/lib/use-language';
import { goTo, useSearch } from '@/lib/use-view-state';
import { AuditFilterForm } from './audit-filter-form';
import { AuditTable } from './audit-table';

/** Admins only: who checked what, when, and what WeChat Pay answered; filters live in the URL. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const search = useSearch();
  const filters = useMemo(() => parseAuditFilters(search), [search]);
  const audit = useQuery(auditQuery(filters));
  const change = useCallback((next: Partial<AuditFilters>) => {
    // Read the URL now, not the render's copy, as useViewState does.
    const current = parseAuditFilters(window.location.search);
    goTo(serializeAuditFilters(nextAuditFilters(current, next)));
  }, []);
  const data = audit.data;
  const pages = data ? pageCount(data.total, data.page_size) : 1;
  const { user, stock, action, from, to } = filters;

  return (
    <main id="main" className="console admin" tabIndex={-1}>
      <section className="card" aria-labelledby="audit-title">
        <div className="card-heading">
          <h2 id="audit-title">{t('audit.title')}</h2>
          <a href={auditCsvHref(filters)} download>
            {t('audit.export')}
          </a>
        </div>
        <p className="intro">{t('audit.intro')}</p>
        <AuditFilterForm
          key={`${user}|${stock}|${action}|${from}|${to}`}
          initial={{ user, stock, action, from, to }}
          onApply={change}
        />
      </section>
      <section className="card" aria-labelledby="audit-results-title" aria-busy={audit.isFetching}>
        <h3 id="audit-results-title">{t('audit.resultsTitle')}</h3>
        {audit.isPending ? <Loading label={t('audit.loading')} /> : null}
        {audit.isError ? (
          <ErrorPanel error={audit.error} onRetry={() => void audit.refetch()} />
        ) : null}
        {data && data.total === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
        {data && data.total > 0 ? (
          <>
            <Pagination
              page={data.page}
              pageCount={pages}
              size={filters.size}
              summary={t('audit.total', {
                count: data.total,
                formatted: formatCount(data.total, language),
              })}
              onPage={(page) => change({ page })}
              onSize={(size) => change({ size })}
            />
            <AuditTable
              entries={data.entries}
              caption={t('audit.caption', { page: data.page, total: pages })}
              busy={audit.isPlaceholderData}
            />
          </>
        ) : null}
      </section>
    </main>
  );
}
