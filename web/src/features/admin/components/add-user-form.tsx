import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { TextField } from '@/components/text-field';
import { createUser, usersKey } from '@/features/admin/api/users-query';
import {
  checkNewUser,
  knownRefusal,
  passwordRefusal,
  type UserFieldErrors,
  type UserFormValues,
} from '@/features/admin/lib/user-form';
import { announce } from '@/lib/announce';
import { roleSchema } from '@/lib/auth-contract';

const EMPTY: UserFormValues = { username: '', role: 'support', password: '' };

/** A new account: name, role and an initial password the admin passes on. */
export function AddUserForm() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<UserFieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      setValues(EMPTY);
      announce(t('users.added', { username: user.username, role: t(`role.${user.role}`) }));
      void queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError: (error) => {
      if (knownRefusal(error) === 'taken') usernameRef.current?.focus();
      if (passwordRefusal(error)) passwordRef.current?.focus();
    },
  });
  const refusal = create.isError ? knownRefusal(create.error) : null;
  const refusedPassword = create.isError ? passwordRefusal(create.error) : null;

  function change(field: keyof UserFormValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if ((field === 'username' && refusal) || (field === 'password' && refusedPassword)) {
      create.reset();
    }
    if (field !== 'role' && errors[field]) {
      setErrors((current) => ({ ...current, [field]: undefined }));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkNewUser(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      (checked.errors.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    create.mutate(checked.input);
  }

  const ruleText = (rule: UserFieldErrors['username']) =>
    rule === 'required' ? t('rules.required') : rule ? t(`users.rules.${rule}`) : undefined;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('users.addTitle')}</h3>
      <form className="admin-form" onSubmit={submit} noValidate aria-label={t('users.addTitle')}>
        <TextField
          id={`${id}-username`}
          label={t('users.username')}
          hint={t('users.usernameHint')}
          error={refusal === 'taken' ? t('users.errors.taken') : ruleText(errors.username)}
          inputRef={usernameRef}
          value={values.username}
          onChange={(value) => change('username', value)}
        />
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('users.role')}</label>
          <select
            id={`${id}-role`}
            value={values.role}
            onChange={(event) => {
              const role = roleSchema.safeParse(event.target.value);
              if (role.success) change('role', role.data);
            }}
          >
            {roleSchema.options.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
          <p className="field-hint">{t(`users.roleHint.${values.role}`)}</p>
        </div>
        <TextField
          id={`${id}-password`}
          label={t('users.password')}
          hint={t('users.passwordHint')}
          error={
            refusedPassword ? t(`users.refused.${refusedPassword}`) : ruleText(errors.password)
          }
          inputRef={passwordRef}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(value) => change('password', value)}
        />
        <div className="admin-form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t('users.add')}
          </button>
        </div>
      </form>
      {create.isError && !refusal && !refusedPassword ? <ErrorPanel error={create.error} /> : null}
    </section>
  );
}
