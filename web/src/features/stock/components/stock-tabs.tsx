import { type KeyboardEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Navigate, TABS, type Tab, type ViewState } from '@/features/stock/lib/view-state';
import type { StockTarget } from '@/lib/stock-path';
import { CodesPanel } from './codes-panel';
import { CoveragePanel } from './coverage-panel';
import type { CurrentPage } from './use-current-page';

interface StockTabsProps {
  view: ViewState;
  navigate: Navigate;
  target: StockTarget;
  page: CurrentPage;
}

/** The WAI-ARIA tabs pattern: arrow keys move between tabs, the tab is in the URL. */
export function StockTabs({ view, navigate, target, page }: StockTabsProps) {
  const { t } = useTranslation();
  const id = useId();
  const refs = useRef(new Map<Tab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(view.tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = TABS[(target + TABS.length) % TABS.length] ?? 'codes';
    navigate({ tab });
    refs.current.get(tab)?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={t('tabs.label')} className="tab-list" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              if (element) refs.current.set(tab, element);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab}`}
            aria-selected={view.tab === tab}
            aria-controls={`${id}-panel-${tab}`}
            tabIndex={view.tab === tab ? 0 : -1}
            className="tab"
            onClick={() => navigate({ tab })}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${view.tab}`}
        aria-labelledby={`${id}-tab-${view.tab}`}
        className="tab-panel"
      >
        {view.tab === 'codes' ? (
          <CodesPanel view={view} navigate={navigate} target={target} page={page} />
        ) : (
          <CoveragePanel target={target} />
        )}
      </div>
    </div>
  );
}
