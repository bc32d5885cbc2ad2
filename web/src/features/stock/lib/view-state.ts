import { z } from 'zod';
import { pageField, sizeField, textField } from '@/lib/url/search-fields';

export const TABS = ['codes', 'coverage'] as const;
export type Tab = (typeof TABS)[number];

const MAX_TEXT = 128;

/** The stock view's search parameters, shared by both tab routes so a tab switch keeps them. */
export const stockSearchSchema = z.object({
  stock: textField(MAX_TEXT),
  mchid: textField(MAX_TEXT),
  q: textField(MAX_TEXT),
  size: sizeField(20),
  page: pageField,
});
export type StockSearch = z.output<typeof stockSearchSchema>;

/** Everything a view shows, held in the URL (the tab in the path) so a link reproduces it. */
export type ViewState = StockSearch & { tab: Tab };

export const DEFAULT_SEARCH: StockSearch = stockSearchSchema.parse({});
export const DEFAULT_VIEW: ViewState = { ...DEFAULT_SEARCH, tab: 'codes' };

export interface NavigateOptions {
  /** Replace the current history entry (typing) instead of adding one (clicks, submits). */
  replace?: boolean;
}

/** Changes the view held in the URL, in a way Back and Forward understand. */
export type Navigate = (change: Partial<ViewState>, options?: NavigateOptions) => void;

/** The search parameters of a view (its tab is the route). */
export function searchOf({ tab: _tab, ...search }: ViewState): StockSearch {
  return search;
}

/**
 * Applies a change the way people expect: another stock starts at page 1 with no search, a new
 * search starts at page 1, and a new page size keeps the first visible row on screen.
 */
export function nextViewState(current: ViewState, change: Partial<ViewState>): ViewState {
  const next = { ...current, ...change };
  if (next.stock !== current.stock || next.mchid !== current.mchid) {
    return { ...next, page: change.page ?? 1, q: change.q ?? '' };
  }
  if (next.q !== current.q && change.page === undefined) return { ...next, page: 1 };
  if (next.size !== current.size && change.page === undefined) {
    const firstRow = (current.page - 1) * current.size;
    return { ...next, page: Math.floor(firstRow / next.size) + 1 };
  }
  return next;
}
