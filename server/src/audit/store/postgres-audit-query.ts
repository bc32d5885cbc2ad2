import type pg from 'pg';
import { orPostgresUnavailable } from '../../infra/postgres/unavailable';
import {
  type AuditQueries,
  auditCountSchema,
  auditPage,
  auditStatements,
  keysetBatches,
  type Statement,
} from './audit-query';

const dollar = (n: number) => `$${n}`;

/** Reading the trail from PostgreSQL. */
export function createPostgresAuditQueries(pool: pg.Pool): AuditQueries {
  const read = (statement: Statement) =>
    orPostgresUnavailable('reading the audit trail', async () => {
      const { rows } = await pool.query<Record<string, unknown>>(statement.sql, statement.params);
      return rows;
    });
  return {
    async page(query) {
      const statements = auditStatements(query, dollar);
      const counted = await read(statements.count());
      const rows = await read(statements.page(query.page_size, (query.page - 1) * query.page_size));
      return auditPage(query, rows, auditCountSchema.parse(counted[0]).n);
    },
    rows(filter, batch = 500) {
      const statements = auditStatements(filter, dollar);
      return keysetBatches((after) => read(statements.batch(batch, after)), batch);
    },
  };
}
