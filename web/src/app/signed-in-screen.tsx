import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/loading';
import { RoleRefused } from '@/components/role-refused';
import type { SessionInfo } from '@/lib/auth-contract';
import { mayOpen, rememberConsoleSearch, screenOf, screenSearch } from '@/lib/screens';
import { goTo, useSearch } from '@/lib/use-view-state';
import { Console } from './console';
import { LazyAdminScreen } from './lazy-admin-screen';

interface SignedInScreenProps {
  session: SessionInfo;
}

/** The screen the URL names, if the role may open it; a plain refusal (and no API call) if not. */
export function SignedInScreen({ session }: SignedInScreenProps) {
  const { t } = useTranslation();
  const search = useSearch();
  const screen = screenOf(search);

  useEffect(() => {
    if (screen === 'console') rememberConsoleSearch(search);
  }, [screen, search]);

  if (!mayOpen(session.role, screen)) {
    return (
      <main id="main" className="console" tabIndex={-1}>
        <RoleRefused headingLevel={2} onBack={() => goTo(screenSearch('console'))} />
      </main>
    );
  }
  if (screen === 'console') return <Console />;
  return (
    <Suspense
      fallback={
        <main id="main" className="console" tabIndex={-1}>
          <Loading label={t('nav.loading')} />
        </main>
      }
    >
      <LazyAdminScreen screen={screen} />
    </Suspense>
  );
}
