import type { Database } from 'better-sqlite3';
import { type AuditPurge, purgeCutoff } from './audit-purge';

/** The retention purge of the console's SQLite database (see audit-log.sqlite.sql). */
export function createSqliteAuditPurge(db: Database): AuditPurge {
  const purge = db.transaction((cutoff: number) => {
    db.prepare('INSERT INTO audit_purge_gate (purge_before) VALUES (?)').run(cutoff);
    const { changes } = db.prepare('DELETE FROM audit_log WHERE at < ?').run(cutoff);
    db.prepare('DELETE FROM audit_purge_gate').run();
    return changes;
  });
  return {
    purgeExpired: async (retentionDays, now) => purge(purgeCutoff(retentionDays, now)),
  };
}
