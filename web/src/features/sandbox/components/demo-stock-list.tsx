import { useTranslation } from 'react-i18next';
import type { DemoStock } from '@/features/sandbox/api/sandbox-catalog-query';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

interface DemoStockListProps {
  stocks: DemoStock[];
  onPick: (stock: string) => void;
}

/** One button per demo stock: its name, id, kind, size and status, in the screen's language. */
export function DemoStockList({ stocks, onPick }: DemoStockListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h3>{t('tryThese.stocks')}</h3>
      <ul className="chip-list">
        {stocks.map((stock) => (
          <li key={stock.id}>
            <button type="button" className="chip" onClick={() => onPick(stock.id)}>
              <span className="chip-title">{stock.name}</span>
              <span className="chip-meta">
                <code>{stock.id}</code> · {t(`stock.kind.${stock.kind}`)}
                {stock.kind === 'single_item'
                  ? ` · ${t('tryThese.codes', { count: stock.size, formatted: formatCount(stock.size, language) })}`
                  : null}
                {` · ${t(`stock.status.${stock.status}`, { defaultValue: stock.status })}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
