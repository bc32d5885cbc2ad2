import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UserMenu } from '@/features/auth/components/user-menu';
import { ANNOUNCER_ID } from '@/lib/announce';
import type { SessionInfo } from '@/lib/auth-contract';
import { AdminNav } from './admin-nav';
import { ModeBanner } from './mode-banner';

interface LayoutProps {
  session: SessionInfo | null;
  children: ReactNode;
}

export function Layout({ session, children }: LayoutProps) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="header-actions">
          {session ? <UserMenu session={session} /> : null}
          <button type="button" lang={other} onClick={() => void i18n.changeLanguage(other)}>
            {t('app.language')}
          </button>
        </div>
      </header>
      <ModeBanner />
      {session ? <AdminNav role={session.role} /> : null}
      {children}
      {/* The one polite live region for off-focus news (copied, search results). */}
      <div id={ANNOUNCER_ID} className="visually-hidden" aria-live="polite" aria-atomic="true" />
    </div>
  );
}
