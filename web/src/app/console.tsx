import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Suspense, useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockDetailsResponse } from 'server/contract';
import { Loading } from '@/components/loading';
import { LookupForm } from '@/features/lookup/components/lookup-form';
import { RecentLookups } from '@/features/lookup/components/recent-lookups';
import { useRecentLookups } from '@/features/lookup/lib/use-recent-lookups';
import { hasErrors, type LookupInput, validateLookup } from '@/features/lookup/lib/validate-lookup';
import { TryThese } from '@/features/sandbox/components/try-these';
import type { ViewState } from '@/features/stock/lib/view-state';
import { MARKS, mark } from '@/lib/perf';
import { healthQuery } from './health-query';
import { LazyStockView } from './lazy-stock-view';
import { consoleLocation, rememberConsoleView } from './router/console-memory';
import { useStockNavigate } from './use-stock-navigate';

const MAIN_ID = 'main';

interface ConsoleProps {
  /** The view the URL names (its route gives the tab). */
  view: ViewState;
}

/** The console screen: the lookup form, then the stock it names, or a start page. */
export function Console({ view }: ConsoleProps) {
  const { t } = useTranslation();
  const lookupHeading = useId();
  const navigate = useStockNavigate();
  const router = useRouter();
  const recent = useRecentLookups();
  const health = useQuery(healthQuery);
  const sandbox = health.data?.mode === 'sandbox';
  const asked = view.stock !== '' || view.mchid !== '';
  const errors = asked ? validateLookup(view) : {};
  const selected = asked && !hasErrors(errors);
  const { stock, mchid } = view;
  const { remember, name } = recent;
  const link = `${window.location.origin}${router.buildLocation(consoleLocation(view)).href}`;

  useEffect(() => rememberConsoleView(view), [view]);

  const lookup = useCallback(
    (next: LookupInput) => {
      remember(next);
      navigate({ stock: next.stock, mchid: next.mchid });
    },
    [remember, navigate],
  );
  const pick = useCallback(
    (next: LookupInput) => {
      mark(MARKS.lookupSubmit);
      lookup(next);
      // The clicked button is gone with the start page: put focus (and the view) on the result.
      window.scrollTo({ top: 0 });
      document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
    },
    [lookup],
  );
  const onDetails = useCallback(
    (details: StockDetailsResponse) => name({ stock, mchid }, details.stock_name),
    [name, stock, mchid],
  );

  return (
    <main id={MAIN_ID} className="console" tabIndex={-1}>
      <section className="card lookup" aria-labelledby={lookupHeading}>
        <h2 id={lookupHeading} className="visually-hidden">
          {t('lookup.title')}
        </h2>
        <LookupForm
          key={`${view.mchid}/${view.stock}`}
          initial={{ stock: view.stock, mchid: view.mchid }}
          initialErrors={errors}
          recent={recent.list}
          onSubmit={lookup}
        />
      </section>
      {selected ? (
        <Suspense fallback={<Loading label={t('stock.loading', { stock: view.stock })} />}>
          <LazyStockView
            key={`${view.mchid}/${view.stock}`}
            view={view}
            navigate={navigate}
            link={link}
            onDetails={onDetails}
          />
        </Suspense>
      ) : (
        <>
          <p className="intro">{t('lookup.intro')}</p>
          <RecentLookups list={recent.list} onPick={pick} onClear={recent.clear} />
          {sandbox ? <TryThese onPick={pick} /> : null}
        </>
      )}
      {selected && sandbox ? (
        <details className="try-these-folded">
          <summary>{t('tryThese.folded')}</summary>
          <TryThese onPick={pick} />
        </details>
      ) : null}
    </main>
  );
}
