import { useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import {
  type Navigate,
  type NavigateOptions,
  nextViewState,
  stockSearchSchema,
  type ViewState,
} from '@/features/stock/lib/view-state';
import { consoleLocation } from './router/console-memory';
import type { AppRouter } from './router/routes';

/** The view a location shows: its search parameters, and its tab from the path. */
export function viewAt(location: { pathname: string; search: unknown }): ViewState {
  const search = stockSearchSchema.parse(location.search);
  return { ...search, tab: location.pathname === '/stock/coverage' ? 'coverage' : 'codes' };
}

/** Changes the stock view in the URL: a history entry Back and Forward walk through. */
export function navigateStock(
  router: AppRouter,
  change: Partial<ViewState>,
  options: NavigateOptions = {},
): Promise<void> {
  // Read the URL now, not the render's copy: two quick changes must not undo each other.
  const next = nextViewState(viewAt(router.latestLocation), change);
  return router.navigate({
    ...consoleLocation(next),
    replace: options.replace ?? false,
    // Paging or searching keeps the table where the reader is looking.
    resetScroll: false,
  });
}

export function useStockNavigate(): Navigate {
  const router = useRouter();
  return useCallback<Navigate>(
    (change, options) => void navigateStock(router, change, options),
    [router],
  );
}
