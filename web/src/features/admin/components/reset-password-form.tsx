import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { TextField } from '@/components/text-field';
import { resetPassword, usersKey } from '@/features/admin/api/users-query';
import { checkNewPassword, passwordRefusal } from '@/features/admin/lib/user-form';
import { announce } from '@/lib/announce';

interface ResetPasswordFormProps {
  username: string;
  onClose: () => void;
}

/** A new password for one account; the server ends that user's sessions. */
export function ResetPasswordForm({ username, onClose }: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [rule, setRule] = useState<'required' | 'password' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const reset = useMutation({
    mutationFn: () => resetPassword(username, password),
    onSuccess: () => {
      announce(t('users.resetDone', { username }));
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
    },
    onError: (error) => {
      if (passwordRefusal(error)) inputRef.current?.focus();
    },
  });
  const refused = reset.isError ? passwordRefusal(reset.error) : null;

  // Opened from a button in the table: take the focus to where the typing happens.
  useEffect(() => inputRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const broken = checkNewPassword(password);
    setRule(broken);
    if (broken) {
      inputRef.current?.focus();
      return;
    }
    reset.mutate();
  }

  const title = t('users.resetTitle', { username });
  return (
    <section className="reset-password" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      <form className="admin-form" onSubmit={submit} noValidate aria-label={title}>
        <TextField
          id={`${id}-password`}
          label={t('users.newPassword')}
          hint={t('users.resetHint')}
          error={
            refused
              ? t(`users.refused.${refused}`)
              : rule === 'required'
                ? t('rules.required')
                : rule
                  ? t('users.rules.password')
                  : undefined
          }
          inputRef={inputRef}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            setRule(null);
            if (refused) reset.reset();
          }}
        />
        <div className="admin-form-actions">
          <button type="submit" className="button-primary" disabled={reset.isPending}>
            {t('users.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('users.cancel')}
          </button>
        </div>
      </form>
      {reset.isError && !refused ? <ErrorPanel error={reset.error} /> : null}
    </section>
  );
}
