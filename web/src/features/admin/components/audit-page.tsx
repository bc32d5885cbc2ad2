import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { Pagination } from '@/components/pagination';
import { auditCsvHref, auditQuery } from '@/features/admin/api/audit-query';
import type { AuditFilters } from '@/features/admin/lib/audit-filters';
import { formatCount } from '@/lib/format';
import { pageCount } from '@/lib/pages';
import { useLanguage } from '@/lib/use-language';
import { AuditFilterForm } from './audit-filter-form';
import { AuditTable } from './audit-table';

interface AuditPageProps {
  filters: AuditFilters;
  onChange: (change: Partial<AuditFilters>) => void;
}

/** Admins only: who checked what, when, and what WeChat Pay answered; filters live in the URL. */
export function AuditPage({ filters, onChange: change }: AuditPageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const audit = useQuery(auditQuery(filters));
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
