import pg from 'pg';
import type { Logger } from 'pino';

export interface PostgresPoolOptions {
  url: string;
  /** Longest a connection attempt or a statement may take (SHARED_STORE_TIMEOUT_MS). */
  timeoutMs: number;
  logger?: Logger;
}

/**
 * BIGINT columns (ids and millisecond times) as numbers, like SQLite gives them. pg hands them
 * over as text because they may exceed 2^53; ours never do, and a value that did would be a
 * corruption worth failing loudly on.
 */
function bigintAsNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`BIGINT ${text} is beyond 2^53`);
  return value;
}

/**
 * A pg Pool tuned to fail fast and heal by itself: connecting and every statement give up
 * after `timeoutMs` (so no request hangs on a stuck PostgreSQL), a connection that dies while
 * idle is dropped and logged instead of crashing the process, and the next query opens a new
 * one, so the replica recovers as soon as PostgreSQL is back.
 */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, bigintAsNumber);
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: options.timeoutMs,
    query_timeout: options.timeoutMs,
    statement_timeout: options.timeoutMs,
    idleTimeoutMillis: 30_000,
    max: 10,
    application_name: 'coupon-coverage-console',
    types,
  });
  pool.on('error', (error: Error) => {
    options.logger?.warn({ err: error.message }, 'an idle PostgreSQL connection failed');
  });
  return pool;
}
