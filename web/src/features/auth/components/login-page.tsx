import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { signIn } from '@/features/auth/api/auth-requests';
import { loginFailure } from '@/features/auth/lib/login-failure';
import type { LoginRequest, SessionInfo } from '@/lib/auth-contract';
import type { SignOutReason } from '@/lib/session-events';
import { DemoLogin } from './demo-login';
import { LoginFailureNotice } from './login-failure-notice';

interface LoginPageProps {
  /** Why the page is shown again, if a session just ended. */
  reason: SignOutReason | null;
  sandbox: boolean;
  onSignedIn: (session: SessionInfo) => void;
}

type Missing = Partial<Record<keyof LoginRequest, true>>;

/** Sign in; the URL is left alone, so the view it names comes back right after. */
export function LoginPage({ reason, sandbox, onSignedIn }: LoginPageProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<LoginRequest>({ username: '', password: '' });
  const [missing, setMissing] = useState<Missing>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const login = useMutation({ mutationFn: signIn, onSuccess: onSignedIn });

  useEffect(() => usernameRef.current?.focus(), []);

  function change(field: keyof LoginRequest, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (missing[field]) setMissing((current) => ({ ...current, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Missing = {
      username: values.username.trim() === '' || undefined,
      password: values.password === '' || undefined,
    };
    setMissing(found);
    if (found.username || found.password) {
      (found.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    login.mutate(values);
  }

  return (
    <main id="main" className="login" tabIndex={-1}>
      <section className="card login-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('auth.title')}</h2>
        {reason ? (
          <p className="notice-inline">
            {t(reason === 'expired' ? 'auth.expired' : 'auth.signedOut')}
          </p>
        ) : (
          <p className="intro">{t('auth.intro')}</p>
        )}
        <form className="login-form" onSubmit={submit} noValidate aria-label={t('auth.formLabel')}>
          <TextField
            id={`${id}-username`}
            label={t('auth.username')}
            type="text"
            name="username"
            autoComplete="username"
            maxLength={128}
            value={values.username}
            error={missing.username ? t('rules.required') : undefined}
            inputRef={usernameRef}
            onChange={(value) => change('username', value)}
          />
          <TextField
            id={`${id}-password`}
            label={t('auth.password')}
            type="password"
            name="current-password"
            autoComplete="current-password"
            maxLength={1024}
            value={values.password}
            error={missing.password ? t('rules.required') : undefined}
            inputRef={passwordRef}
            onChange={(value) => change('password', value)}
          />
          {login.isError ? (
            <LoginFailureNotice
              key={login.submittedAt}
              failure={loginFailure(login.error)}
              at={login.submittedAt}
            />
          ) : null}
          <button type="submit" className="button-primary" disabled={login.isPending}>
            {login.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </section>
      {sandbox ? <DemoLogin busy={login.isPending} onUse={(demo) => login.mutate(demo)} /> : null}
    </main>
  );
}
