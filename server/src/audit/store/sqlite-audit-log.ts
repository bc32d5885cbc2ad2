import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import { type AuditLog, auditRowValues } from './audit-log';

const lastSchema = z.object({ last: z.number().int() });

/** The append-only audit trail in the console's SQLite database (see audit-log.sqlite.sql). */
export function createSqliteAuditLog(db: Database, clock: Clock): AuditLog {
  const next = db.prepare('UPDATE audit_sequence SET last = last + 1 WHERE id = 1 RETURNING last');
  const insert = db.prepare(`
    INSERT INTO audit_log (id, at, username, role, action, route, stock_id, stock_creator_mchid,
      code_count, outcome, request_ids, client_ip, detail)
    VALUES (@id, @at, @username, @role, @action, @route, @stockId, @stockCreatorMchid,
      @codeCount, @outcome, @requestIds, @clientIp, @detail)`);
  const reserveId = () => lastSchema.parse(next.get()).last;

  return {
    reserveId: async () => reserveId(),
    async append(record, id) {
      const rowId = id ?? reserveId();
      insert.run(auditRowValues(record, rowId, clock.now()));
      return rowId;
    },
  };
}
