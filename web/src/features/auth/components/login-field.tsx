import type { Ref } from 'react';

interface LoginFieldProps {
  id: string;
  label: string;
  type: 'text' | 'password';
  autoComplete: 'username' | 'current-password';
  value: string;
  /** The rule it breaks, already in words; shown beside it. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
}

/** One labelled sign-in input with the error beside it. */
export function LoginField({
  id,
  label,
  type,
  autoComplete,
  value,
  error,
  inputRef,
  onChange,
}: LoginFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={autoComplete}
        type={type}
        value={value}
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
        maxLength={type === 'password' ? 1024 : 128}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
