import type { PaginationMode } from './constants';
import type { StockRecord } from './demo-stocks';
import type { ItemsQuery } from './query';
import { errorReply, type JsonReply, PLATFORM_ROWS, pageReply } from './reply';
import { codesOf } from './stock-catalog';

/** The first index an offset names: a page number (× limit) or an item index. */
export function startIndex(mode: PaginationMode, offset: number, limit: number): number {
  return mode === 'page' ? offset * limit : offset;
}

/**
 * GET …/stocks/{stock_id}/items for a known stock the caller may read. Past the end of the data
 * (and ≤ 500) answers 404, never an empty page; a whole-store voucher answers total_count 0 and
 * data [] at offset 0 (it has no item list), and 404 past that like any other stock.
 */
export function itemsReply(stock: StockRecord, query: ItemsQuery, mode: PaginationMode): JsonReply {
  const codes = codesOf(stock);
  const start = startIndex(mode, query.offset, query.limit);
  const base = { limit: query.limit, offset: query.offset, stock_id: stock.id };
  if (codes.length === 0 && query.offset === 0) {
    return pageReply({ ...base, data: [], total_count: 0 });
  }
  if (start >= codes.length) {
    return errorReply(PLATFORM_ROWS.pastTheEnd, {
      field: 'offset',
      value: query.offset,
      issue: `offset is past the end of the ${codes.length} codes`,
      location: 'query',
    });
  }
  const data = codes.slice(start, start + query.limit);
  return pageReply({ ...base, data, total_count: codes.length });
}
