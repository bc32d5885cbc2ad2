import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/lib/auth-contract';
import { adminScreensFor, type Screen, screenOf, screenSearch } from '@/lib/screens';
import { goTo, useSearch } from '@/lib/use-view-state';

interface AdminNavProps {
  role: Role;
}

/** Stock lookup, users and the audit trail: shown to admins only (others have one screen). */
export function AdminNav({ role }: AdminNavProps) {
  const { t } = useTranslation();
  const current = screenOf(useSearch());
  const admin = adminScreensFor(role);
  if (admin.length === 0) return null;
  const screens: Screen[] = ['console', ...admin];

  function open(event: MouseEvent<HTMLAnchorElement>, screen: Screen) {
    // A new tab or window (modifier keys, middle click) is the browser's business.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    goTo(screenSearch(screen));
    window.scrollTo({ top: 0 });
  }

  return (
    <nav className="screen-nav" aria-label={t('nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen}>
            <a
              href={`${window.location.pathname}${screenSearch(screen)}`}
              aria-current={screen === current ? 'page' : undefined}
              onClick={(event) => open(event, screen)}
            >
              {t(`nav.${screen}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
