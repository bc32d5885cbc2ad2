import type { CodesResponse } from 'server/contract';

/** How much of the stock a search looked at, named honestly. */
export type SearchScope = 'complete' | 'truncated' | 'partial' | 'partialUnknownTotal';
/** What still stands between this answer and a final one. */
export type SearchTail = 'running' | 'incomplete' | null;

export interface SearchWording {
  found: boolean;
  scope: SearchScope;
  tail: SearchTail;
}

/**
 * The parts of the sentence under a search: found or not, in how much of the stock, and
 * whether the answer can still change ("no match in 3,200 of 5,000 codes so far").
 */
export function searchWording(result: CodesResponse): SearchWording {
  const found = result.match_count > 0;
  if (result.complete) return { found, scope: 'complete', tail: null };
  const done = result.scan_state === 'done';
  if (done && result.truncated) return { found, scope: 'truncated', tail: null };
  const scope = result.total_count === null ? 'partialUnknownTotal' : 'partial';
  return { found, scope, tail: result.scan_state === 'running' ? 'running' : 'incomplete' };
}

/**
 * True when WeChat Pay lets nobody read every code of this stock: the items endpoint stops at
 * offset 500, so only `reachable` of `total` codes can ever be listed.
 */
export function isTruncated(
  reachable: number | null,
  total: number | null,
  truncated: boolean,
): boolean {
  return truncated || (reachable !== null && total !== null && reachable < total);
}
