import { useTranslation } from 'react-i18next';
import { highlightParts } from '@/lib/format';

interface HighlightedCodeProps {
  code: string;
  query: string;
  exact?: boolean;
}

/** A product code in monospace, the searched text marked, an exact match labelled. */
export function HighlightedCode({ code, query, exact }: HighlightedCodeProps) {
  const { t } = useTranslation();
  return (
    <span className="code-cell">
      <code className="code">
        {highlightParts(code, query).map((part, index) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder
          part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
        )}
      </code>
      {exact ? <span className="badge badge-exact">{t('search.exact')}</span> : null}
    </span>
  );
}
