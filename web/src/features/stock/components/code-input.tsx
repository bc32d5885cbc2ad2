import { type DragEvent, type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COVERAGE_CODES } from 'server/contract';
import { collectCodes, fileCodes, splitCodeText } from '@/features/stock/lib/parse-codes';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { CodeInputFeedback } from './code-input-feedback';

interface CodeInputProps {
  onSubmit: (codes: string[]) => void;
  busy: boolean;
}

/** Paste codes or drop a CSV/TXT file; what will be checked is shown before it is sent. */
export function CodeInput({ onSubmit, busy }: CodeInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [fileName, setFileName] = useState<string>();
  const [emptyError, setEmptyError] = useState(false);
  const parsed = useMemo(() => collectCodes(splitCodeText(text)), [text]);

  async function load(file: File) {
    const codes = fileCodes(file.name, await file.text());
    setFileName(file.name);
    // One per line: the person sees exactly what came out of the file and can edit it.
    setText(codes.join('\n'));
    setEmptyError(false);
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void load(file);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parsed.codes.length === 0) {
      setEmptyError(true);
      document.getElementById(`${id}-codes`)?.focus();
      return;
    }
    if (parsed.tooMany) return;
    onSubmit(parsed.codes);
  }

  const describedBy = `${id}-hint ${id}-feedback`;
  return (
    // The whole form takes a dropped file; the file input is the keyboard way to the same thing.
    <form
      className="card code-input"
      onSubmit={submit}
      noValidate
      aria-label={t('coverage.formLabel')}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}>
        <label htmlFor={`${id}-codes`}>{t('coverage.codesLabel')}</label>
        <textarea
          id={`${id}-codes`}
          value={text}
          rows={8}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={emptyError || parsed.tooMany || undefined}
          onChange={(event) => {
            setText(event.target.value);
            setEmptyError(false);
          }}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('coverage.codesHint', { max: formatCount(MAX_COVERAGE_CODES, language) })}
        </p>
      </div>
      <div className="code-input-actions">
        {/* The native input stays (keyboard, screen readers) but is drawn by our own label, so
            the browser's "Choose File" wording never mixes a second language into the screen. */}
        <label className="file-label">
          <input
            type="file"
            className="file-input"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void load(file);
              event.target.value = '';
            }}
          />
          <span className="file-button">{t('coverage.fileLabel')}</span>
          {fileName ? (
            <span className="file-name">{t('coverage.fileLoaded', { name: fileName })}</span>
          ) : null}
        </label>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('coverage.submit')}
        </button>
      </div>
      <CodeInputFeedback id={`${id}-feedback`} parsed={parsed} emptyError={emptyError} />
    </form>
  );
}
