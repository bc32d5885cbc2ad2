import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleKey } from '../lib/validate-lookup';

interface IdFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: RuleKey | undefined;
  listId: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
}

/** One labelled id input with its hint and, beside it, the rule it breaks. */
export function IdField({
  id,
  label,
  hint,
  value,
  error,
  listId,
  inputRef,
  onChange,
}: IdFieldProps) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={id}
        value={value}
        list={listId}
        inputMode="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={64}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {t(`rules.${error}`)}
        </p>
      ) : null}
    </div>
  );
}
