import type { InputHTMLAttributes, Ref } from 'react';

type NativeInput = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

interface TextFieldProps extends NativeInput {
  id: string;
  label: string;
  value: string;
  hint?: string;
  /** The rule the value breaks, already in words; shown beside the field. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
}

/** One labelled input with its hint and, beside it, the rule it breaks. */
export function TextField({
  id,
  label,
  value,
  hint,
  error,
  inputRef,
  onChange,
  ...input
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        {...input}
        ref={inputRef}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
