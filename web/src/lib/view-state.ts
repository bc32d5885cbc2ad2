import { PAGE_SIZES } from 'server/contract';

export const TABS = ['codes', 'coverage'] as const;
export type Tab = (typeof TABS)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

/** Everything a view shows, held in the URL so a copied link or a reload reproduces it. */
export interface ViewState {
  stock: string;
  mchid: string;
  page: number;
  size: PageSize;
  q: string;
  tab: Tab;
}

export const DEFAULT_VIEW: ViewState = {
  stock: '',
  mchid: '',
  page: 1,
  size: 20,
  q: '',
  tab: 'codes',
};

// Short, readable parameter names; the defaults are left out so links stay short.
const KEYS = {
  stock: 'stock',
  mchid: 'mchid',
  page: 'page',
  size: 'size',
  q: 'q',
  tab: 'tab',
} as const;
const MAX_PAGE = 999_999;
const MAX_TEXT = 128;

function pageOf(raw: string | null): number {
  if (!raw || !/^\d{1,6}$/.test(raw)) return DEFAULT_VIEW.page;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : DEFAULT_VIEW.page;
}

function sizeOf(raw: string | null): PageSize {
  return PAGE_SIZES.find((size) => String(size) === raw) ?? DEFAULT_VIEW.size;
}

function tabOf(raw: string | null): Tab {
  return TABS.find((tab) => tab === raw) ?? DEFAULT_VIEW.tab;
}

/** Reads a view from `location.search`; anything unreadable falls back to its default. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  return {
    // Ids are kept as typed (even when invalid) so the form can show what is wrong with them.
    stock: (params.get(KEYS.stock) ?? '').slice(0, MAX_TEXT),
    mchid: (params.get(KEYS.mchid) ?? '').slice(0, MAX_TEXT),
    page: pageOf(params.get(KEYS.page)),
    size: sizeOf(params.get(KEYS.size)),
    q: (params.get(KEYS.q) ?? '').slice(0, MAX_TEXT),
    tab: tabOf(params.get(KEYS.tab)),
  };
}

/** Writes a view as a query string (with its leading `?`, or '' for the default view). */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.stock) params.set(KEYS.stock, view.stock);
  if (view.mchid) params.set(KEYS.mchid, view.mchid);
  if (view.tab !== DEFAULT_VIEW.tab) params.set(KEYS.tab, view.tab);
  if (view.q) params.set(KEYS.q, view.q);
  if (view.size !== DEFAULT_VIEW.size) params.set(KEYS.size, String(view.size));
  if (view.page !== DEFAULT_VIEW.page) params.set(KEYS.page, String(view.page));
  const text = params.toString();
  return text ? `?${text}` : '';
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
