import { apiError } from '../http/api-error';
import { explained } from '../http/explained';
import type { Scan } from './scan';
import type { ScanMeta, ScanView } from './scans/redis-scan-records';

/** The meta every replica reads of a scan, as the scan stands now. */
export function metaOf(scanId: string, scan: Scan): ScanMeta {
  return {
    scanId,
    state: scan.state,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    expiresAt: scan.expiresAt,
    pagesDone: scan.pagesDone,
    totalCount: scan.totalCount,
    reachableCount: scan.reachableCount,
    truncated: scan.truncated,
    offsetMode: scan.offsetMode,
    // While running, the error is only the retry the walk is waiting out: not worth sharing.
    error: scan.state === 'running' ? null : scan.error,
  };
}

/**
 * Brings a mirror up to date with a view read from its page count on: new pages reach its
 * index and its watchers; a finished meta finishes it. Returns true once it has finished.
 */
export function catchUp(scan: Scan, view: ScanView & { meta: ScanMeta }): boolean {
  for (const page of view.pages) scan.addPage(page);
  const { meta } = view;
  if (meta.state === 'running') return false;
  const at = meta.finishedAt ?? meta.startedAt;
  if (meta.state === 'done') {
    const { totalCount, reachableCount, truncated } = meta;
    scan.finish(
      {
        state: 'done',
        totalCount: totalCount ?? scan.index.size,
        reachableCount: reachableCount ?? scan.index.size,
        truncated,
      },
      at,
    );
  } else {
    const error = meta.error ?? explained(apiError('INTERNAL', 'The scan ended without a reason'));
    scan.finish({ state: meta.state, error }, at);
  }
  scan.expiresAt = meta.expiresAt;
  return true;
}

/** Ends a scan on this replica alone (shutdown, or its record vanished from Redis). */
export function interruptHere(scan: Scan, at: number, why: string): void {
  if (scan.state !== 'running') return;
  scan.finish({ state: 'interrupted', error: explained(apiError('SCAN_INTERRUPTED', why)) }, at);
  scan.emit();
}
