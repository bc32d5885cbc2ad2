import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { type AuditFilters, DEFAULT_AUDIT_FILTERS } from '@/features/admin/lib/audit-filters';
import { auditActionSchema } from '@/lib/audit-contract';

type FilterValues = Pick<AuditFilters, 'user' | 'stock' | 'action' | 'from' | 'to'>;

interface AuditFilterFormProps {
  initial: FilterValues;
  onApply: (filters: FilterValues) => void;
}

/** User, stock, action and a range of days; applied on submit, so the URL changes once. */
export function AuditFilterForm({ initial, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<FilterValues>(initial);
  const [rangeError, setRangeError] = useState(false);
  const set = (change: Partial<FilterValues>) =>
    setValues((current) => ({ ...current, ...change }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // ISO dates compare as text.
    const backwards = values.from !== '' && values.to !== '' && values.from > values.to;
    setRangeError(backwards);
    if (!backwards) onApply(values);
  }

  function clear() {
    const { user, stock, action, from, to } = DEFAULT_AUDIT_FILTERS;
    setValues({ user, stock, action, from, to });
    setRangeError(false);
    onApply({ user, stock, action, from, to });
  }

  return (
    <form
      className="audit-filters"
      onSubmit={submit}
      noValidate
      aria-label={t('audit.filtersLabel')}
    >
      <TextField
        id={`${id}-user`}
        label={t('audit.user')}
        value={values.user}
        onChange={(user) => set({ user })}
      />
      <TextField
        id={`${id}-stock`}
        label={t('audit.stock')}
        value={values.stock}
        onChange={(stock) => set({ stock })}
      />
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
        <select
          id={`${id}-action`}
          value={values.action}
          onChange={(event) => {
            const action = auditActionSchema.safeParse(event.target.value);
            set({ action: action.success ? action.data : '' });
          }}
        >
          <option value="">{t('audit.anyAction')}</option>
          {auditActionSchema.options.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`${id}-from`}
        label={t('audit.from')}
        type="date"
        value={values.from}
        onChange={(from) => set({ from })}
      />
      <TextField
        id={`${id}-to`}
        label={t('audit.to')}
        type="date"
        value={values.to}
        error={rangeError ? t('audit.backwards') : undefined}
        onChange={(to) => set({ to })}
      />
      <div className="admin-form-actions">
        <button type="submit" className="button-primary">
          {t('audit.apply')}
        </button>
        <button type="button" onClick={clear}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
