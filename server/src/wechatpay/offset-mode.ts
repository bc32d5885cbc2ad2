import type { OffsetMode } from './client';
import type { ItemsPage } from './schemas';

/** WECHATPAY_ITEMS_OFFSET_MODE: how the items endpoint reads `offset` (its docs are unclear). */
export type ItemsOffsetMode = OffsetMode | 'auto';
const MAX_OFFSET = 500;

/**
 * Rule (items pagination): with page semantics offset is a page index (0..500), so at most
 * 501 × limit codes are reachable; with item semantics it is an item index (0..500), so at
 * most 500 + limit are.
 */
export function reachableCount(mode: OffsetMode, totalCount: number, limit: number): number {
  return Math.min(totalCount, mode === 'page' ? (MAX_OFFSET + 1) * limit : MAX_OFFSET + limit);
}

/** The requests that read the reachable codes: `skip` drops codes an earlier page already gave. */
export function planOffsets(mode: OffsetMode, reachable: number, limit: number) {
  if (!(limit >= 1)) throw new RangeError(`limit must be ≥ 1, got ${limit}`);
  const plan: { offset: number; skip: number }[] = [];
  for (let start = 0; start < reachable; start += limit) {
    const offset = mode === 'page' ? start / limit : Math.min(start, MAX_OFFSET);
    plan.push({ offset, skip: mode === 'page' ? 0 : start - offset });
  }
  return plan;
}

/**
 * Auto-detection, decided from data and only when total_count > limit: read offset 0 and
 * offset 1 with the same limit. Under item semantics offset 1 starts at the second code, so
 * page(1).data[0] === page(0).data[1]; under page semantics it starts at code `limit`, which
 * differs because a stock's codes are unique. With limit 1, or pages too short to compare,
 * both readings coincide and nothing is learnt.
 */
export function detectOffsetMode(first: ItemsPage, second: ItemsPage): OffsetMode | undefined {
  const [, secondCode] = first.data;
  const [head] = second.data;
  if (secondCode === undefined || head === undefined) return undefined;
  return head === secondCode ? 'item' : 'page';
}
