import type { Logger } from 'pino';
import type { Clock } from '../../lib/clock';

export const DEFAULT_AUDIT_RETENTION_DAYS = 400;
const DAY_MS = 86_400_000;

/**
 * The retention purge, the only way rows leave the audit trail: it opens the delete trigger's
 * gate for rows older than `retentionDays` inside one transaction and closes it again, so the
 * gate is never seen open outside it.
 */
export interface AuditPurge {
  /** Removes the rows older than `retentionDays` before `now`; returns how many. */
  purgeExpired(retentionDays: number, now: number): Promise<number>;
}

/** The cut-off of a purge; refuses a retention that is not a whole number of days ≥ 1. */
export function purgeCutoff(retentionDays: number, now: number): number {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(
      `audit retention must be a whole number of days ≥ 1, got ${retentionDays}`,
    );
  }
  return now - retentionDays * DAY_MS;
}

/**
 * Purges at once and then daily while the server runs. Returns the function that stops it,
 * which resolves once a purge under way has finished (so the store can close after it).
 */
export function scheduleAuditPurge(
  purge: AuditPurge,
  retentionDays: number,
  clock: Clock,
  logger: Logger,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const removed = await purge.purgeExpired(retentionDays, clock.now());
        if (removed > 0)
          logger.info({ removed, retentionDays }, 'audit rows past retention purged');
      } catch (error) {
        logger.error({ err: error }, 'audit retention purge failed');
      }
    });
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
