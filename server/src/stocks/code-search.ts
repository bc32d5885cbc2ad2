import type { CodeIndex } from './code-index';

export interface SearchHit {
  code: string;
  exact: boolean;
}

export interface SearchResult {
  /** Every matching position, exact matches first; the caller pages through it. */
  positions: readonly number[];
  exactCount: number;
}

/**
 * Case-insensitive substring search. Codes equal to the query (ignoring case) come first and
 * are flagged exact, the identical spelling before other casings; the rest keep scan order.
 * An empty query matches every code.
 */
export function searchCodes(index: CodeIndex, query: string): SearchResult {
  if (query === '') return { positions: index.codes.map((_, i) => i), exactCount: 0 };
  const lowerQuery = query.toLowerCase();
  const exact = [...index.equalIgnoringCase(lowerQuery)].sort(
    (a, b) => Number(index.codes[b] === query) - Number(index.codes[a] === query),
  );
  const exactSet = new Set(exact);
  const positions = [...exact];
  const { lower } = index;
  for (let i = 0; i < lower.length; i += 1) {
    if (!exactSet.has(i) && (lower[i] as string).includes(lowerQuery)) positions.push(i);
  }
  return { positions, exactCount: exact.length };
}

/** One page (1-based) of a search result. */
export function pageOf(
  index: CodeIndex,
  result: SearchResult,
  page: number,
  pageSize: number,
): SearchHit[] {
  const start = (page - 1) * pageSize;
  return result.positions.slice(start, start + pageSize).map((position, i) => ({
    code: index.codes[position] as string,
    exact: start + i < result.exactCount,
  }));
}
