import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Clock } from '../lib/clock';

export const DEFAULT_AUDIT_RETENTION_DAYS = 400;
const DAY_MS = 86_400_000;

/**
 * The retention purge, the only way rows leave the audit trail: it opens the delete trigger's
 * gate for rows older than `retentionDays` inside one transaction and closes it again, so the
 * gate is never seen open outside it. Returns how many rows were removed.
 */
export function purgeExpiredAudit(db: Database, retentionDays: number, now: number): number {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(
      `audit retention must be a whole number of days ≥ 1, got ${retentionDays}`,
    );
  }
  const cutoff = now - retentionDays * DAY_MS;
  return db.transaction(() => {
    db.prepare('INSERT INTO audit_purge_gate (purge_before) VALUES (?)').run(cutoff);
    const { changes } = db.prepare('DELETE FROM audit_log WHERE at < ?').run(cutoff);
    db.prepare('DELETE FROM audit_purge_gate').run();
    return changes;
  })();
}

/** Purges at once and then daily while the server runs; returns the function that stops it. */
export function scheduleAuditPurge(
  db: Database,
  retentionDays: number,
  clock: Clock,
  logger: Logger,
): () => void {
  const run = () => {
    try {
      const removed = purgeExpiredAudit(db, retentionDays, clock.now());
      if (removed > 0) logger.info({ removed, retentionDays }, 'audit rows past retention purged');
    } catch (error) {
      logger.error({ err: error }, 'audit retention purge failed');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
