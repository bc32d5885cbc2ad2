import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { demoLoginQuery } from '@/features/auth/api/auth-requests';
import type { DemoLoginResponse } from '@/lib/auth-contract';

interface DemoLoginProps {
  onUse: (demo: DemoLoginResponse) => void;
  busy: boolean;
}

/** Sandbox mode only: the demo admin's name and password, and one click to sign in with them. */
export function DemoLogin({ onUse, busy }: DemoLoginProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const demo = useQuery(demoLoginQuery);
  if (!demo.data) return null;
  const { username, password } = demo.data;
  return (
    <section className="card demo-login" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('auth.demoTitle')}</h3>
      <p>{t('auth.demoBody')}</p>
      <dl className="demo-credentials">
        <dt>{t('auth.username')}</dt>
        <dd>
          <code className="code">{username}</code>
        </dd>
        <dt>{t('auth.password')}</dt>
        <dd>
          <code className="code">{password}</code>
        </dd>
      </dl>
      <button type="button" onClick={() => onUse(demo.data)} disabled={busy}>
        {t('auth.demoSignIn')}
      </button>
    </section>
  );
}
