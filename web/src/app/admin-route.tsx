import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/loading';
import { RoleRefused } from '@/components/role-refused';
import { type AuditFilters, nextAuditFilters } from '@/features/admin/lib/audit-filters';
import { useSession } from '@/lib/session-context';
import { type AdminScreen, mayOpen } from './admin-screens';
import { LazyAdminScreen } from './lazy-admin-screen';
import { consoleLocation } from './router/console-memory';

interface AdminGateProps {
  screen: AdminScreen;
  children: ReactNode;
}

/** An admin page if the role may open it; a plain refusal (and no API call) if not. */
function AdminGate({ screen, children }: AdminGateProps) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  if (session && !mayOpen(session.role, screen)) {
    return (
      <main id="main" className="console" tabIndex={-1}>
        <RoleRefused headingLevel={2} onBack={() => void navigate(consoleLocation())} />
      </main>
    );
  }
  return (
    <Suspense
      fallback={
        <main id="main" className="console" tabIndex={-1}>
          <Loading label={t('nav.loading')} />
        </main>
      }
    >
      {children}
    </Suspense>
  );
}

/** `/admin/users`. */
export function UsersScreen() {
  return (
    <AdminGate screen="users">
      <LazyAdminScreen screen="users" />
    </AdminGate>
  );
}

const auditApi = getRouteApi('/admin/audit');

/** `/admin/audit?user=…`: the filters live in the URL. */
export function AuditScreen() {
  const filters = auditApi.useSearch();
  const navigate = auditApi.useNavigate();
  const change = useCallback(
    (next: Partial<AuditFilters>) =>
      void navigate({
        // The search as it is now, not the render's copy.
        search: (current) => nextAuditFilters(current, next),
        resetScroll: false,
      }),
    [navigate],
  );
  return (
    <AdminGate screen="audit">
      <LazyAdminScreen screen="audit" filters={filters} onChange={change} />
    </AdminGate>
  );
}
