import { loadAdminScreen } from './lazy-admin-screen';
import { loadStockView } from './lazy-stock-view';

/**
 * A link to a stock needs the stock screens, one to an admin page the admin screens: start the
 * download alongside React's first render rather than after it (links from before the router,
 * `/?tab=…`, included).
 */
export function preloadScreenOf(location: Pick<Location, 'pathname' | 'search'>): void {
  const params = new URLSearchParams(location.search);
  const legacyTab = location.pathname === '/' ? params.get('tab') : null;
  if (location.pathname.startsWith('/admin/') || legacyTab === 'users' || legacyTab === 'audit') {
    void loadAdminScreen();
  } else if (params.get('stock')) {
    void loadStockView();
  }
}
