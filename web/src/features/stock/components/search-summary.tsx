import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodesResponse } from 'server/contract';
import { searchWording } from '@/features/stock/lib/search-wording';
import { announce } from '@/lib/announce';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

interface SearchSummaryProps {
  result: CodesResponse;
}

/** One honest sentence: what was found, in how much of the stock, and whether it may change. */
export function SearchSummary({ result }: SearchSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wording = searchWording(result);
  const values = {
    q: result.q,
    matches: formatCount(result.match_count, language),
    count: result.match_count,
    searched: formatCount(result.searched_count, language),
    total: result.total_count === null ? '' : formatCount(result.total_count, language),
  };
  const scope = t(`search.scope.${wording.scope}`, values);
  const sentence = t(wording.found ? 'search.found' : 'search.none', { ...values, scope });
  const tail = wording.tail ? t(`search.tail.${wording.tail}`) : '';
  const text = tail ? `${sentence} ${tail}` : sentence;
  const final = wording.tail === null;

  // Spoken once per search and once when it becomes final, not on every page the scan reads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` is read, not a trigger
  useEffect(() => announce(text), [result.q, final]);

  return <p className="search-summary">{text}</p>;
}
