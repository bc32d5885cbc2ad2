import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentLookup } from '@/features/lookup/lib/recent-lookups';

interface RecentLookupsProps {
  list: readonly RecentLookup[];
  onPick: (lookup: RecentLookup) => void;
  onClear: () => void;
}

/** The lookups made in this browser, one click away. */
export function RecentLookups({ list, onPick, onClear }: RecentLookupsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  if (list.length === 0) return null;
  return (
    <section className="card recent" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId}>{t('recent.title')}</h2>
        <button type="button" className="button-quiet" onClick={onClear}>
          {t('recent.clear')}
        </button>
      </div>
      <ul className="chip-list">
        {list.map((item) => (
          <li key={`${item.mchid}/${item.stock}`}>
            <button type="button" className="chip" onClick={() => onPick(item)}>
              <span className="chip-title">{item.name ?? item.stock}</span>
              <span className="chip-meta">
                {t('recent.ids', { stock: item.stock, mchid: item.mchid })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
