// Test-only: the counts the reliability report quotes (inputs tried, faults injected, …). The
// suites are seeded, so the counts barely vary; they print only when RELIABILITY_FIGURES=1.
const totals = new Map<string, number>();

/** Adds to a named count of this test file. */
export function count(name: string, by = 1): void {
  totals.set(name, (totals.get(name) ?? 0) + by);
}

/** Prints this file's counts (call from afterAll). */
export function printFigures(suite: string): void {
  if (process.env.RELIABILITY_FIGURES !== '1') return;
  console.info(`[figures] ${suite}: ${JSON.stringify(Object.fromEntries(totals))}`);
}
