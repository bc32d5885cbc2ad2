import type pg from 'pg';
import { z } from 'zod';
import { orPostgresUnavailable } from '../../infra/postgres/unavailable';
import type { Clock } from '../../lib/clock';
import { type AuditLog, auditRowValues } from './audit-log';

const idSchema = z.object({ id: z.number().int() });

/** The append-only audit trail in PostgreSQL (see postgres-schema.ts), shared by every replica. */
export function createPostgresAuditLog(pool: pg.Pool, clock: Clock): AuditLog {
  const reserveId = () =>
    orPostgresUnavailable('reserving an audit id', async () => {
      const { rows } = await pool.query("SELECT nextval('audit_log_ids') AS id");
      return idSchema.parse(rows[0]).id;
    });

  return {
    reserveId,
    async append(record, id) {
      const rowId = id ?? (await reserveId());
      const row = auditRowValues(record, rowId, clock.now());
      await orPostgresUnavailable('writing the audit trail', () =>
        pool.query(
          `INSERT INTO audit_log (id, at, username, role, action, route, stock_id,
             stock_creator_mchid, code_count, outcome, request_ids, client_ip, detail)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            row.id,
            row.at,
            row.username,
            row.role,
            row.action,
            row.route,
            row.stockId,
            row.stockCreatorMchid,
            row.codeCount,
            row.outcome,
            row.requestIds,
            row.clientIp,
            row.detail,
          ],
        ),
      );
      return rowId;
    },
  };
}
