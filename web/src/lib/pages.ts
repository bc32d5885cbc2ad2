import type { PAGE_SIZES } from 'server/contract';

/** A gap in a list of page numbers ("1 … 7 8 9 … 25"). */
export const GAP = 'gap' as const;
export type PageItem = number | typeof GAP;

/**
 * The page numbers to offer around `current`: always the first and the last, `radius` pages
 * either side, and a gap wherever pages are skipped (a gap never hides a single page).
 */
export function pageWindow(current: number, total: number, radius = 2): PageItem[] {
  if (total <= 0) return [];
  const from = Math.max(1, current - radius);
  const to = Math.min(total, current + radius);
  const items: PageItem[] = [];
  if (from > 1) items.push(1);
  if (from === 3) items.push(2);
  else if (from > 3) items.push(GAP);
  for (let page = from; page <= to; page += 1) items.push(page);
  if (to === total - 2) items.push(total - 1);
  else if (to < total - 2) items.push(GAP);
  if (to < total) items.push(total);
  return items;
}

/** How many pages `count` rows make at `size` per page (at least 1, so page 1 always exists). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The page sizes the server accepts for any list. */
export type PageSize = (typeof PAGE_SIZES)[number];
