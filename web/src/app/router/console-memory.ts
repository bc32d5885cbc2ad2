import { DEFAULT_VIEW, searchOf, type ViewState } from '@/features/stock/lib/view-state';

// The console view last shown, so "Stock lookup" in the navigation (and "back" from a refused
// admin page) returns to it rather than to an empty start page.
let lastView: ViewState = DEFAULT_VIEW;

export function rememberConsoleView(view: ViewState): void {
  lastView = view;
}

/** Navigation options that open a view: the start page when no stock is named. */
export function consoleLocation(view: ViewState = lastView) {
  if (view.stock === '' && view.mchid === '') return { to: '/' } as const;
  const to = view.tab === 'coverage' ? '/stock/coverage' : '/stock/codes';
  return { to, search: searchOf(view) } as const;
}
