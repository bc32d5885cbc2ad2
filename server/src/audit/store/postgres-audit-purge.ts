import type pg from 'pg';
import { inTransaction } from '../../infra/postgres/transaction';
import { orPostgresUnavailable } from '../../infra/postgres/unavailable';
import { type AuditPurge, purgeCutoff } from './audit-purge';

/**
 * The retention purge in PostgreSQL (see postgres-schema.ts). The gate row is visible only
 * inside this transaction, so a DELETE anyone else runs meanwhile is still refused.
 */
export function createPostgresAuditPurge(pool: pg.Pool): AuditPurge {
  return {
    async purgeExpired(retentionDays, now) {
      const cutoff = purgeCutoff(retentionDays, now);
      return orPostgresUnavailable('purging the audit trail', () =>
        inTransaction(pool, async (client) => {
          await client.query('INSERT INTO audit_purge_gate (purge_before) VALUES ($1)', [cutoff]);
          const { rowCount } = await client.query('DELETE FROM audit_log WHERE at < $1', [cutoff]);
          await client.query('DELETE FROM audit_purge_gate');
          return rowCount ?? 0;
        }),
      );
    },
  };
}
