import type { ItemsQuery } from './inputs';
import type { ItemsPage } from './schemas';

/**
 * Rule (items pagination): an answer belongs to its request. Its `stock_id` is the stock asked
 * for and the `offset` and `limit` it echoes are the ones sent; otherwise it is a page of another
 * request (a genuinely signed answer replayed by something on the way, or a mix-up upstream)
 * and must not be shown or scanned as this one. Returns why it does not belong, if it does not.
 */
export function foreignAnswer(page: ItemsPage, asked: ItemsQuery): string | undefined {
  const differences = [
    page.stock_id === asked.stockId ? '' : `stock_id ${page.stock_id} (asked ${asked.stockId})`,
    page.offset === asked.offset ? '' : `offset ${page.offset} (asked ${asked.offset})`,
    page.limit === asked.limit ? '' : `limit ${page.limit} (asked ${asked.limit})`,
  ].filter(Boolean);
  if (differences.length === 0) return undefined;
  return `HTTP 200 items answer is for another request: ${differences.join(', ')}`;
}
