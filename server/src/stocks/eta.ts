/** Pages whose timing predicts the rest: recent enough to see the pacer's steady rate. */
export const ETA_WINDOW = 20;

/**
 * Seconds left, from the observed rate of the last few pages. The pacer lets a walk burst until
 * the per-minute budget is spent and then slows it, so a recent window beats the overall mean.
 * Null until two pages have arrived or while the page total is unknown.
 */
export function estimateEtaSeconds(
  pageTimes: readonly number[],
  pagesDone: number,
  pagesTotal: number | null,
): number | null {
  if (pagesTotal === null) return null;
  const remaining = Math.max(0, pagesTotal - pagesDone);
  if (remaining === 0) return 0;
  const recent = pageTimes.slice(-ETA_WINDOW);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (recent.length < 2 || first === undefined || last === undefined) return null;
  const msPerPage = (last - first) / (recent.length - 1);
  return Math.ceil((remaining * msPerPage) / 1000);
}
