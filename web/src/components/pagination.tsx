import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from 'server/contract';
import type { PageSize } from '@/lib/pages';
import { GAP, pageWindow } from '@/lib/pages';

interface PaginationProps {
  page: number;
  pageCount: number;
  size: PageSize;
  /** A sentence naming the total ("250 codes"), shown beside the controls. */
  summary: string;
  onPage: (page: number) => void;
  onSize: (size: PageSize) => void;
}

/** Page size, first/previous/numbers/next/last; every control has a name and a visible focus. */
export function Pagination({ page, pageCount, size, summary, onPage, onSize }: PaginationProps) {
  const { t } = useTranslation();
  const sizeId = useId();
  const atStart = page <= 1;
  const atEnd = page >= pageCount;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <div className="pagination-summary">
        <label htmlFor={sizeId}>{t('pagination.size')}</label>
        <select
          id={sizeId}
          value={size}
          onChange={(event) => {
            const next = PAGE_SIZES.find((option) => String(option) === event.target.value);
            if (next) onSize(next);
          }}
        >
          {PAGE_SIZES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <span>{summary}</span>
        <span>{t('pagination.position', { page, total: pageCount })}</span>
      </div>
      <ul className="pagination-pages">
        <li>
          <button type="button" disabled={atStart} onClick={() => onPage(1)}>
            {t('pagination.first')}
          </button>
        </li>
        <li>
          <button type="button" disabled={atStart} onClick={() => onPage(page - 1)}>
            {t('pagination.previous')}
          </button>
        </li>
        {pageWindow(page, pageCount).map((item, index) =>
          item === GAP ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: at most two gaps, told apart by place
            <li key={`gap-${index}`} className="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item} className="pagination-number">
              <button
                type="button"
                aria-label={t('pagination.page', { page: item })}
                aria-current={item === page ? 'page' : undefined}
                onClick={() => onPage(item)}
              >
                {item}
              </button>
            </li>
          ),
        )}
        <li>
          <button type="button" disabled={atEnd} onClick={() => onPage(page + 1)}>
            {t('pagination.next')}
          </button>
        </li>
        <li>
          <button type="button" disabled={atEnd} onClick={() => onPage(pageCount)}>
            {t('pagination.last')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
