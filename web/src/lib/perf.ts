// Performance marks the e2e run reads to report time-to-first-rows and search latency.
export const MARKS = {
  lookupSubmit: 'ccc:lookup-submit',
  firstRows: 'ccc:submit-to-first-rows',
  searchInput: 'ccc:search-input',
  searchResults: 'ccc:search-input-to-results',
} as const;

export function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** Measures from `start` to now once, then forgets `start` so a re-render does not measure again. */
export function measureOnce(name: string, start: string): void {
  if (performance.getEntriesByName(start, 'mark').length === 0) return;
  performance.measure(name, start);
  performance.clearMarks(start);
}
