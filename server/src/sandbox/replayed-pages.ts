import type { PaginationMode } from './constants';
import { demoStockRecords } from './demo-stocks';
import type { FaultKind } from './fault-kinds';
import { itemsReply, startIndex } from './items-page';
import type { JsonReply } from './reply';
import { codesOf, findStock } from './stock-catalog';

/** Faults that send a genuine, honestly signed page of another request instead of this one. */
export const REPLAY_FAULTS: ReadonlySet<FaultKind> = new Set(['replayed_offset', 'replayed_stock']);

// The demo stocks with codes, largest first: the largest has a page at every offset a caller
// may ask for (≤ 500 × 100), so a replay of "another stock at this offset" always exists.
const bySize = demoStockRecords
  .filter((stock) => stock.kind === 'single_item')
  .sort((a, b) => b.size - a.size);

/**
 * What a middlebox replaying earlier answers would send for this items page: `replayed_offset`,
 * the same stock's page at the next offset (the previous one at the last page); `replayed_stock`,
 * another stock's page at the same offset and limit. Undefined when no such page exists (a stock
 * of a single page), so the request is answered honestly.
 */
export function replayedReply(
  fault: FaultKind,
  honest: JsonReply,
  mode: PaginationMode,
): JsonReply | undefined {
  const page = honest.page;
  if (!page) return undefined;
  const query = { offset: page.offset, limit: page.limit, stock_creator_mchid: '' };
  if (fault === 'replayed_stock') {
    const other = bySize.find((stock) => stock.id !== page.stock_id);
    return other ? itemsReply(other, query, mode) : undefined;
  }
  const stock = findStock(page.stock_id);
  if (fault !== 'replayed_offset' || !stock) return undefined;
  const count = codesOf(stock).length;
  const offset = [page.offset + 1, page.offset - 1].find(
    (candidate) => candidate >= 0 && startIndex(mode, candidate, page.limit) < count,
  );
  return offset === undefined ? undefined : itemsReply(stock, { ...query, offset }, mode);
}
