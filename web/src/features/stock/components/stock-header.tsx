import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StockDetailsResponse } from 'server/contract';
import { CopyButton } from '@/components/copy-button';
import { itemsPageQuery } from '@/features/stock/api/items-page-query';
import { formatCount, formatDate, formatDateTime } from '@/lib/format';
import { type StockTarget, stockKey } from '@/lib/stock-path';
import { useLanguage } from '@/lib/use-language';

const BEIJING = 'Asia/Shanghai';

/** The `{ offset, limit }` part of an items query key (see items-page-query.ts). */
function pageOfKey(part: unknown): { offset: number; limit: number } | undefined {
  if (typeof part !== 'object' || part === null) return undefined;
  const { offset, limit } = part as { offset?: unknown; limit?: unknown };
  return typeof offset === 'number' && typeof limit === 'number' ? { offset, limit } : undefined;
}

interface StockHeaderProps {
  details: StockDetailsResponse;
  /** The link that reproduces the current view, for "copy link". */
  link: string;
  /** From the items endpoint; null until a page has arrived. */
  totalCount: number | null;
  target: StockTarget;
}

/** Name, status, type, validity, kind, total codes and "as of", with a refresh button. */
export function StockHeader({ details, link, totalCount, target }: StockHeaderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();

  function refresh() {
    // The scan has its own "read again"; refreshing the header must not restart a long walk.
    void queryClient.invalidateQueries({
      queryKey: stockKey(target),
      predicate: (query) => !['scan', 'codes', 'items'].includes(String(query.queryKey[3])),
    });
    // Pages on screen are read again past the server's short page cache, so "as of" moves.
    const pages = queryClient.getQueryCache().findAll({ queryKey: [...stockKey(target), 'items'] });
    for (const { queryKey } of pages) {
      const page = pageOfKey(queryKey[4]);
      if (!page) continue;
      const fresh = itemsPageQuery(target, page.offset, page.limit, true);
      void queryClient.fetchQuery({ ...fresh, staleTime: 0 });
    }
  }

  return (
    <section className="card stock-header" aria-labelledby="stock-name">
      <div className="stock-title">
        <h2 id="stock-name">{details.stock_name}</h2>
        <span className={`badge badge-status-${details.status}`}>
          {t(`stock.status.${details.status}`)}
        </span>
        <span className="badge">{t(`stock.kind.${details.kind}`)}</span>
        <CopyButton text={link} label={t('stock.copyLink')} className="copy-link">
          {t('stock.copyLink')}
        </CopyButton>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('stock.id')}</dt>
          <dd>
            <code className="code">{details.stock_id}</code>{' '}
            <CopyButton text={details.stock_id} label={t('stock.copyId')} />
          </dd>
        </div>
        <div>
          <dt>{t('stock.creator')}</dt>
          <dd>
            <code className="code">{details.stock_creator_mchid}</code>
          </dd>
        </div>
        <div>
          <dt>{t('stock.type')}</dt>
          <dd>{t(`stock.stockType.${details.stock_type}`)}</dd>
        </div>
        <div>
          <dt>{t('stock.validity')}</dt>
          <dd>
            {t('stock.validityRange', {
              // WeChat Pay's validity times are Beijing times: show the dates it means.
              begin: formatDate(details.available_begin_time, language, BEIJING),
              end: formatDate(details.available_end_time, language, BEIJING),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('stock.total')}</dt>
          <dd>
            {details.kind === 'single_item'
              ? totalCount === null
                ? t('stock.totalLoading')
                : t('stock.totalCodes', {
                    count: totalCount,
                    formatted: formatCount(totalCount, language),
                  })
              : t('stock.totalNone')}
          </dd>
        </div>
        <div>
          <dt>{t('stock.asOf')}</dt>
          <dd>
            <time dateTime={details.fetched_at}>
              {formatDateTime(details.fetched_at, language)}
            </time>{' '}
            <button type="button" className="button-quiet" onClick={refresh}>
              {t('stock.refresh')}
            </button>
          </dd>
        </div>
      </dl>
    </section>
  );
}
