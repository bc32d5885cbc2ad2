import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/lib/auth-contract';
import { type AdminScreen, adminScreensFor, type Screen } from './admin-screens';
import { consoleLocation } from './router/console-memory';
import { viewAt } from './use-stock-navigate';

const ADMIN_PATHS: Record<AdminScreen, '/admin/users' | '/admin/audit'> = {
  users: '/admin/users',
  audit: '/admin/audit',
};

function screenAt(pathname: string): Screen {
  if (pathname === ADMIN_PATHS.users) return 'users';
  if (pathname === ADMIN_PATHS.audit) return 'audit';
  return 'console';
}

interface AdminNavProps {
  role: Role;
}

/** Stock lookup, users and the audit trail: shown to admins only (others have one screen). */
export function AdminNav({ role }: AdminNavProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const current = screenAt(location.pathname);
  const admin = adminScreensFor(role);
  if (admin.length === 0) return null;
  // On the console the link is the view shown; elsewhere the console view last shown.
  const consoleTarget =
    current === 'console' ? consoleLocation(viewAt(location)) : consoleLocation();
  // Which link is current is this list's call, not the router's match of path and search.
  const currentProps = (screen: Screen) => ({
    'aria-current': screen === current ? ('page' as const) : undefined,
    activeProps: {},
    onClick: () => window.scrollTo({ top: 0 }),
  });

  return (
    <nav className="screen-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <Link {...consoleTarget} {...currentProps('console')}>
            {t('nav.console')}
          </Link>
        </li>
        {admin.map((screen) => (
          <li key={screen}>
            <Link to={ADMIN_PATHS[screen]} {...currentProps(screen)}>
              {t(`nav.${screen}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
