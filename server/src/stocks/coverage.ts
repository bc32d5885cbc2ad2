import type { CoverageEvidence, CoverageResponse, CoverageStatus } from '../contract/stocks';
import type { Scan } from './scan';

/** Request-IDs quoted at each end of the evidence; the middle is only counted. */
export const EVIDENCE_IDS = 3;

const iso = (ms: number) => new Date(ms).toISOString();

/** Folds duplicates (codes arrive trimmed), keeping the order they were first given in. */
export function foldCodes(codes: readonly string[]): { codes: string[]; folded: number } {
  const unique = [...new Set(codes)];
  return { codes: unique, folded: codes.length - unique.length };
}

/**
 * A code is covered when the scan read it (or the voucher is whole-store: it applies to every
 * product), not_covered when a complete scan did not, and unknown when the scan is running,
 * failed or truncated and so cannot prove absence.
 */
export function coverageStatus(scan: Scan, code: string, wholeStore = false): CoverageStatus {
  if (wholeStore || scan.index.has(code)) return 'covered';
  return scan.complete ? 'not_covered' : 'unknown';
}

export function evidenceOf(scan: Scan, checkedAt: number, wholeStore = false): CoverageEvidence {
  const ids = scan.requestIds;
  const tail = Math.max(EVIDENCE_IDS, ids.length - EVIDENCE_IDS);
  return {
    checked_at: iso(checkedAt),
    scan_state: scan.state,
    scan_started_at: iso(scan.startedAt),
    scan_finished_at: scan.finishedAt === null ? null : iso(scan.finishedAt),
    request_ids: { first: ids.slice(0, EVIDENCE_IDS), last: ids.slice(tail), count: ids.length },
    codes_loaded: scan.index.size,
    reachable_count: scan.reachableCount,
    total_count: scan.totalCount,
    truncated: scan.truncated,
    complete: scan.complete,
    whole_store: wholeStore,
  };
}

/** Checks every given code against one scan, with the evidence the answer rests on. */
export function checkCoverage(
  scan: Scan,
  given: readonly string[],
  checkedAt: number,
  wholeStore = false,
): Omit<CoverageResponse, 'audit_id'> {
  const { codes, folded } = foldCodes(given);
  const counts = { covered: 0, not_covered: 0, unknown: 0 };
  const results = codes.map((code) => {
    const status = coverageStatus(scan, code, wholeStore);
    counts[status] += 1;
    return { code, status };
  });
  return {
    stock_id: scan.target.stockId,
    results,
    counts,
    duplicates_folded: folded,
    evidence: evidenceOf(scan, checkedAt, wholeStore),
  };
}
