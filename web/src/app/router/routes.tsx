import {
  createRootRoute,
  createRoute,
  createRouter,
  type RouterHistory,
  redirect,
  stripSearchParams,
} from '@tanstack/react-router';
import { z } from 'zod';
import { auditSearchSchema, DEFAULT_AUDIT_FILTERS } from '@/features/admin/lib/audit-filters';
import { DEFAULT_SEARCH, stockSearchSchema } from '@/features/stock/lib/view-state';
import { AuditScreen, UsersScreen } from '../admin-route';
import { CodesScreen, CoverageScreen, StartScreen } from '../console-routes';
import { SessionGate } from '../session-gate';
import { legacyTarget } from './legacy-search';
import { parseSearch, stringifySearch } from './search-string';

const rootRoute = createRootRoute({ component: SessionGate });

// The start page reads the one `tab` parameter links carried before the router, and sends
// such a link on to the route that now shows what it named.
const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: z.record(z.string(), z.unknown()),
  beforeLoad: ({ search }) => {
    const target = legacyTarget(search);
    if (target?.screen === 'users') throw redirect({ to: '/admin/users', replace: true });
    if (target?.screen === 'audit') {
      throw redirect({ to: '/admin/audit', search: target.search, replace: true });
    }
    if (target?.screen === 'codes') {
      throw redirect({ to: '/stock/codes', search: target.search, replace: true });
    }
    if (target?.screen === 'coverage') {
      throw redirect({ to: '/stock/coverage', search: target.search, replace: true });
    }
  },
  component: StartScreen,
});

// Both tabs of a stock read the same parameters, so switching tabs keeps the search and page.

const codesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/stock/codes',
  validateSearch: stockSearchSchema,
  search: { middlewares: [stripSearchParams(DEFAULT_SEARCH)] },
  component: CodesScreen,
});

const coverageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/stock/coverage',
  validateSearch: stockSearchSchema,
  search: { middlewares: [stripSearchParams(DEFAULT_SEARCH)] },
  component: CoverageScreen,
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  component: UsersScreen,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: auditSearchSchema,
  search: { middlewares: [stripSearchParams(DEFAULT_AUDIT_FILTERS)] },
  component: AuditScreen,
});

// Any other path was the console before the router (the server answers every path with the
// app): keep its query, so an old link under another path still opens what it named.
const elsewhereRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$',
  beforeLoad: ({ location }) => {
    throw redirect({ to: '/', search: parseSearch(location.searchStr), replace: true });
  },
});

const routeTree = rootRoute.addChildren([
  startRoute,
  codesRoute,
  coverageRoute,
  usersRoute,
  auditRoute,
  elsewhereRoute,
]);

/** The console's router; `history` is for tests (the browser's own by default). */
export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    parseSearch,
    stringifySearch,
    // Back and Forward restore where the page was scrolled to, as the browser did before.
    scrollRestoration: true,
    ...(history ? { history } : {}),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
