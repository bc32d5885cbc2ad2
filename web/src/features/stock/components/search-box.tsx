import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Navigate } from '@/features/stock/lib/view-state';
import { MARKS, mark } from '@/lib/perf';

const DEBOUNCE_MS = 200;

interface SearchBoxProps {
  value: string;
  navigate: Navigate;
}

/**
 * Search across the whole stock. Typing updates the URL after a short pause; the first
 * keystroke adds a history entry (Back returns to paging), later ones replace it.
 */
export function SearchBox({ value, navigate }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const sent = useRef(value);

  // Back/Forward (or a link) changed the search: show it.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = window.setTimeout(() => {
      const replace = sent.current !== '' && text !== '';
      sent.current = text;
      navigate({ q: text }, { replace });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, navigate]);

  return (
    <search className="search-box">
      <label htmlFor={id}>{t('search.label')}</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={128}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          mark(MARKS.searchInput);
          setText(event.target.value);
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('search.hint')}
      </p>
    </search>
  );
}
