import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet } from '@tanstack/react-router';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { sessionQuery } from '@/features/auth/api/session-query';
import { LoginPage } from '@/features/auth/components/login-page';
import type { SessionInfo } from '@/lib/auth-contract';
import { SessionContext } from '@/lib/session-context';
import { onSessionEvent, type SignOutReason } from '@/lib/session-events';
import { healthQuery } from './health-query';
import { Layout } from './layout';
import { dropPrivateQueries } from './private-queries';

/**
 * Signed in or not: GET /api/auth/me decides, a 401 anywhere or a sign-out ends it. The URL is
 * never touched, so after signing in the view it names (a deep link) is shown.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery);
  const health = useQuery(healthQuery);
  const [reason, setReason] = useState<SignOutReason | null>(null);

  useEffect(
    () =>
      onSessionEvent((event) => {
        const before = queryClient.getQueryData(sessionQuery.queryKey);
        if (event.type === 'session') {
          // Another tab signed in as someone else: what this one cached is not theirs.
          if (before && before.username !== event.session.username) dropPrivateQueries(queryClient);
          queryClient.setQueryData(sessionQuery.queryKey, event.session);
          return;
        }
        // Opening the console signed out ends nothing: no notice for that.
        setReason(before ? event.reason : null);
        queryClient.setQueryData(sessionQuery.queryKey, null);
      }),
    [queryClient],
  );

  const signedOut = session.data === null;
  useEffect(() => {
    if (signedOut) dropPrivateQueries(queryClient);
  }, [signedOut, queryClient]);

  const signedIn = useCallback(
    (info: SessionInfo) => {
      setReason(null);
      queryClient.setQueryData(sessionQuery.queryKey, info);
    },
    [queryClient],
  );

  const info = session.data ?? null;
  let screen: ReactNode;
  if (session.isPending) {
    screen = (
      <main id="main" className="console" tabIndex={-1}>
        <Loading label={t('auth.checking')} />
      </main>
    );
  } else if (session.isError) {
    screen = (
      <main id="main" className="console" tabIndex={-1}>
        <ErrorPanel error={session.error} onRetry={() => void session.refetch()} headingLevel={2} />
      </main>
    );
  } else if (info === null) {
    screen = (
      <LoginPage reason={reason} sandbox={health.data?.mode === 'sandbox'} onSignedIn={signedIn} />
    );
  } else {
    // The screen the URL names (its route checks the role).
    screen = <Outlet />;
  }
  return (
    <SessionContext value={info}>
      <Layout session={info}>{screen}</Layout>
    </SessionContext>
  );
}
