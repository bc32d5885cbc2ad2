import type { Ref } from 'react';

interface AdminFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** The broken rule in words, shown beside the field. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  type?: 'text' | 'password' | 'date';
  value: string;
  autoComplete?: string;
  onChange: (value: string) => void;
}

/** One labelled input of an admin form, with its hint and, beside it, its error. */
export function AdminField({
  id,
  label,
  hint,
  error,
  inputRef,
  type = 'text',
  value,
  autoComplete = 'off',
  onChange,
}: AdminFieldProps) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length ? described.join(' ') : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
