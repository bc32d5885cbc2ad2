import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageResponse } from 'server/contract';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

export const FILTERS = ['all', 'covered', 'not_covered', 'unknown'] as const;
export type Filter = (typeof FILTERS)[number];

interface CoverageFilterProps {
  counts: CoverageResponse['counts'];
  total: number;
  value: Filter;
  onChange: (filter: Filter) => void;
}

/** The three groups with their counts, doubling as the filter (a radio group). */
export function CoverageFilter({ counts, total, value, onChange }: CoverageFilterProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useId();
  const countOf = (filter: Filter) => (filter === 'all' ? total : counts[filter]);
  return (
    <fieldset className="coverage-filter">
      <legend>{t('coverage.filterLegend')}</legend>
      {FILTERS.map((filter) => (
        <label key={filter} className={`filter-option filter-${filter}`}>
          <input
            type="radio"
            name={name}
            value={filter}
            checked={value === filter}
            onChange={() => onChange(filter)}
          />
          <span className="filter-name">{t(`coverage.status.${filter}`)}</span>
          <span className="filter-count">{formatCount(countOf(filter), language)}</span>
        </label>
      ))}
    </fieldset>
  );
}
