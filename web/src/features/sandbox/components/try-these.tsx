import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { sandboxCatalogQuery } from '@/features/sandbox/api/sandbox-catalog-query';
import { ApiError } from '@/lib/api/error';
import { DemoStockList } from './demo-stock-list';
import { ScenarioList } from './scenario-list';

export interface TryLookup {
  stock: string;
  mchid: string;
}

interface TryTheseProps {
  onPick: (lookup: TryLookup) => void;
}

/** The sandbox's demo stocks and error scenarios: every state of the console in a minute. */
export function TryThese({ onPick }: TryTheseProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const catalog = useQuery(sandboxCatalogQuery);
  // A server without the sandbox list is not an error worth a panel on the start page.
  if (catalog.error instanceof ApiError && catalog.error.status === 404) return null;
  const data = catalog.data;
  const pick = (stock: string) => data && onPick({ stock, mchid: data.creator_mchid });
  return (
    <section className="card try-these" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tryThese.title')}</h2>
      <p className="field-hint">{t('tryThese.intro')}</p>
      {catalog.isPending ? <Loading label={t('tryThese.loading')} /> : null}
      {catalog.isError ? (
        <ErrorPanel error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : null}
      {data ? (
        <>
          <DemoStockList stocks={data.stocks} onPick={pick} />
          <ScenarioList
            title={t('tryThese.errorRows', {
              count: data.scenarios.filter((s) => s.kind === 'error_row').length,
            })}
            scenarios={data.scenarios.filter((s) => s.kind === 'error_row')}
            onPick={pick}
          />
          <ScenarioList
            title={t('tryThese.faults', {
              count: data.scenarios.filter((s) => s.kind === 'fault').length,
            })}
            scenarios={data.scenarios.filter((s) => s.kind === 'fault')}
            onPick={pick}
          />
        </>
      ) : null}
    </section>
  );
}
