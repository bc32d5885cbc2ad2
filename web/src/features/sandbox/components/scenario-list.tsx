import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '@/features/sandbox/api/sandbox-catalog-query';
import { explanationById, explanationsQuery } from '@/lib/explanations';
import { useLanguage } from '@/lib/use-language';

interface ScenarioListProps {
  title: string;
  scenarios: Scenario[];
  onPick: (stock: string) => void;
}

/** Stock ids that make the sandbox fail on purpose, each named by the explanation it leads to. */
export function ScenarioList({ title, scenarios, onPick }: ScenarioListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const catalog = useQuery(explanationsQuery);
  const all = catalog.data?.explanations ?? [];
  return (
    <details className="scenarios" open>
      <summary>
        <h3>{title}</h3>
      </summary>
      <ul className="chip-list">
        {scenarios.map((scenario) => {
          const entry = explanationById(all, scenario.explanation);
          return (
            <li key={scenario.id}>
              <button type="button" className="chip" onClick={() => onPick(scenario.id)}>
                <span className="chip-title">
                  {entry?.texts[language].title ?? t('tryThese.scenario')}
                </span>
                <span className="chip-meta">
                  <code>{scenario.id}</code>
                  {scenario.row ? ` · HTTP ${scenario.row.status} ${scenario.row.code}` : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
