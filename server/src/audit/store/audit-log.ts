import type { AuditAction } from '../../contract/audit';

/** One event to record. Never put a password, hash, key or session id in any field. */
export interface AuditRecord {
  username: string | null;
  role: string | null;
  action: AuditAction;
  outcome: string;
  route?: string | null;
  stockId?: string | null;
  stockCreatorMchid?: string | null;
  codeCount?: number | null;
  requestIds?: readonly string[];
  clientIp?: string | null;
  detail?: string | null;
  /** When it happened (ms); defaults to now. A request is dated when it arrived. */
  at?: number;
}

/** The append-only audit trail: in SQLite for one replica, in PostgreSQL for several. */
export interface AuditLog {
  /** Takes the next row id now, for a request that must quote it before its row is written. */
  reserveId(): Promise<number>;
  /** Appends one row (under a reserved id, if given) and returns its id. */
  append(record: AuditRecord, id?: number): Promise<number>;
}

/** The stored values of one row, in the audit_log column order both stores insert. */
export interface AuditRowValues {
  id: number;
  at: number;
  username: string | null;
  role: string | null;
  action: AuditAction;
  route: string | null;
  stockId: string | null;
  stockCreatorMchid: string | null;
  codeCount: number | null;
  outcome: string;
  requestIds: string;
  clientIp: string | null;
  detail: string | null;
}

// Bounded so a hostile path or query cannot bloat the trail; real values are far shorter.
const clip = (value: string | null | undefined, max: number) =>
  value === undefined || value === null ? null : value.slice(0, max);

/** What a record becomes in the table: clipped, dated, Request-IDs as a JSON array. */
export function auditRowValues(record: AuditRecord, id: number, now: number): AuditRowValues {
  return {
    id,
    at: record.at ?? now,
    username: clip(record.username, 128),
    role: clip(record.role, 32),
    action: record.action,
    route: clip(record.route, 100),
    stockId: clip(record.stockId, 64),
    stockCreatorMchid: clip(record.stockCreatorMchid, 64),
    codeCount: record.codeCount ?? null,
    outcome: clip(record.outcome, 64) ?? 'ok',
    requestIds: JSON.stringify((record.requestIds ?? []).slice(0, 20).map((r) => r.slice(0, 128))),
    clientIp: clip(record.clientIp, 64),
    detail: clip(record.detail, 500),
  };
}
