import type { Database } from 'better-sqlite3';
import type { AuditAction } from '../contract/audit';
import type { Clock } from '../lib/clock';

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

export interface AuditLog {
  /** Takes the next row id now, for a request that must quote it before its row is written. */
  reserveId(): number;
  /** Appends one row (under a reserved id, if given) and returns its id. */
  append(record: AuditRecord, id?: number): number;
}

// Bounded so a hostile path or query cannot bloat the trail; real values are far shorter.
const clip = (value: string | null | undefined, max: number) =>
  value === undefined || value === null ? null : value.slice(0, max);

/** The append-only audit trail in the console database (see audit-schema.ts). */
export function createAuditLog(db: Database, clock: Clock): AuditLog {
  const next = db.prepare('UPDATE audit_sequence SET last = last + 1 WHERE id = 1 RETURNING last');
  const insert = db.prepare(`
    INSERT INTO audit_log (id, at, username, role, action, route, stock_id, stock_creator_mchid,
      code_count, outcome, request_ids, client_ip, detail)
    VALUES (@id, @at, @username, @role, @action, @route, @stockId, @stockCreatorMchid,
      @codeCount, @outcome, @requestIds, @clientIp, @detail)`);
  const reserveId = () => (next.get() as { last: number }).last;

  return {
    reserveId,
    append(record, id) {
      const rowId = id ?? reserveId();
      insert.run({
        id: rowId,
        at: record.at ?? clock.now(),
        username: clip(record.username, 128),
        role: clip(record.role, 32),
        action: record.action,
        route: clip(record.route, 100),
        stockId: clip(record.stockId, 64),
        stockCreatorMchid: clip(record.stockCreatorMchid, 64),
        codeCount: record.codeCount ?? null,
        outcome: clip(record.outcome, 64) ?? 'ok',
        requestIds: JSON.stringify(
          (record.requestIds ?? []).slice(0, 20).map((r) => r.slice(0, 128)),
        ),
        clientIp: clip(record.clientIp, 64),
        detail: clip(record.detail, 500),
      });
      return rowId;
    },
  };
}
