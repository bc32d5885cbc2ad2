import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import type { RecentLookup } from '@/features/lookup/lib/recent-lookups';
import {
  hasErrors,
  type LookupErrors,
  type LookupInput,
  tidyLookup,
  validateLookup,
} from '@/features/lookup/lib/validate-lookup';
import { MARKS, mark } from '@/lib/perf';

interface LookupFormProps {
  initial: LookupInput;
  /** Errors of ids that arrived in the URL, shown at once. */
  initialErrors?: LookupErrors;
  recent: readonly RecentLookup[];
  onSubmit: (lookup: LookupInput) => void;
}

/** Stock id and creator mchid, checked with the server's rules before anything is sent. */
export function LookupForm({ initial, initialErrors = {}, recent, onSubmit }: LookupFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<LookupErrors>(initialErrors);
  const stockRef = useRef<HTMLInputElement>(null);
  const mchidRef = useRef<HTMLInputElement>(null);

  function change(field: keyof LookupInput, value: string) {
    setValues((current) => {
      const next = { ...current, [field]: value };
      // Picking a remembered stock brings its merchant along.
      const known = recent.find((item) => item.stock === value.trim());
      if (field === 'stock' && known && !current.mchid) next.mchid = known.mchid;
      return next;
    });
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tidy = tidyLookup(values);
    const found = validateLookup(tidy);
    setValues(tidy);
    setErrors(found);
    if (hasErrors(found)) {
      (found.stock ? stockRef : mchidRef).current?.focus();
      return;
    }
    mark(MARKS.lookupSubmit);
    onSubmit(tidy);
  }

  return (
    <form className="lookup-form" onSubmit={submit} noValidate aria-label={t('lookup.formLabel')}>
      <TextField
        id={`${id}-stock`}
        label={t('lookup.stock')}
        hint={t('lookup.stockHint')}
        value={values.stock}
        error={errors.stock ? t(`rules.${errors.stock}`) : undefined}
        list={`${id}-stocks`}
        name={`${id}-stock`}
        inputMode="text"
        autoComplete="off"
        maxLength={64}
        inputRef={stockRef}
        onChange={(value) => change('stock', value)}
      />
      <TextField
        id={`${id}-mchid`}
        label={t('lookup.mchid')}
        hint={t('lookup.mchidHint')}
        value={values.mchid}
        error={errors.mchid ? t(`rules.${errors.mchid}`) : undefined}
        list={`${id}-mchids`}
        name={`${id}-mchid`}
        inputMode="text"
        autoComplete="off"
        maxLength={64}
        inputRef={mchidRef}
        onChange={(value) => change('mchid', value)}
      />
      <div className="lookup-actions">
        <button type="submit" className="button-primary">
          {t('lookup.submit')}
        </button>
      </div>
      <datalist id={`${id}-stocks`}>
        {recent.map((item) => (
          <option key={`${item.mchid}/${item.stock}`} value={item.stock}>
            {item.name ?? item.stock}
          </option>
        ))}
      </datalist>
      <datalist id={`${id}-mchids`}>
        {[...new Set(recent.map((item) => item.mchid))].map((mchid) => (
          <option key={mchid} value={mchid} />
        ))}
      </datalist>
    </form>
  );
}
