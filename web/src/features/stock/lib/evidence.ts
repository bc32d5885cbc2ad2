import type { CoverageResponse } from 'server/contract';
import { toBeijingIso } from '@/lib/format';

/** The Request-IDs as support staff quote them: first few, an ellipsis, last few, and the count. */
export function evidenceIds(ids: CoverageResponse['evidence']['request_ids']): string {
  const first = ids.first;
  const last = ids.last.filter((id) => !first.includes(id));
  const shown = first.length + last.length;
  if (shown === 0) return '—';
  if (last.length === 0) return first.join(', ');
  return shown < ids.count
    ? `${first.join(', ')} … ${last.join(', ')}`
    : [...first, ...last].join(', ');
}

export interface EvidenceValues {
  stock: string;
  mchid: string;
  checkedAt: string;
  startedAt: string;
  finishedAt: string | null;
  loaded: number;
  total: number | null;
  reachable: number | null;
  requestIds: string;
  requestCount: number;
  covered: number;
  notCovered: number;
  unknown: number;
  /** The audit trail's row for this check: a dispute ticket points to it. */
  auditId: number | null;
}

/**
 * What the evidence line for a dispute ticket states. Times are ISO 8601 in Beijing time with
 * the offset written out: unambiguous whoever reads the ticket, and what WeChat Pay asks for.
 */
export function evidenceValues(result: CoverageResponse, mchid: string): EvidenceValues {
  const { evidence, counts } = result;
  return {
    stock: result.stock_id,
    mchid,
    checkedAt: toBeijingIso(evidence.checked_at),
    startedAt: toBeijingIso(evidence.scan_started_at),
    finishedAt: evidence.scan_finished_at === null ? null : toBeijingIso(evidence.scan_finished_at),
    loaded: evidence.codes_loaded,
    total: evidence.total_count,
    reachable: evidence.reachable_count,
    requestIds: evidenceIds(evidence.request_ids),
    requestCount: evidence.request_ids.count,
    covered: counts.covered,
    notCovered: counts.not_covered,
    unknown: counts.unknown,
    auditId: result.audit_id,
  };
}
