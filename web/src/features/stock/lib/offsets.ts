/** How the items endpoint reads `offset`: a page index (分页页码) or a row offset. */
export type OffsetMode = 'page' | 'item';

/** The items endpoint accepts offsets 0..500 (分页页码，最大500). */
export const MAX_OFFSET = 500;

/**
 * The upstream offset of page `page` (1-based): the page index in page mode, the first row in
 * item mode. WeChat Pay documents a page number; item mode exists because some answers behave so.
 */
export function offsetFor(page: number, size: number, mode: OffsetMode): number {
  return mode === 'item' ? (page - 1) * size : page - 1;
}

/** The last page anyone can read at this size, whatever the stock's size (offset ≤ 500). */
export function lastReachablePage(size: number, mode: OffsetMode): number {
  return mode === 'item' ? Math.floor(MAX_OFFSET / size) + 1 : MAX_OFFSET + 1;
}

/** How many of `total` codes page-by-page browsing can show at this size. */
export function browsableCount(total: number, size: number, mode: OffsetMode): number {
  return Math.min(total, lastReachablePage(size, mode) * size);
}
