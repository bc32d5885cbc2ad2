import { sharedStoreGuard } from '../store-unavailable';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or stopping),
// 57014 query_canceled (our statement_timeout), 53300 too_many_connections; class 08 is
// "connection exception".
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);

// What pg itself says when the socket died, the connect timed out or a read timed out.
const CLIENT_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|timeout expired|Query read timeout|not queryable/i;

/**
 * True when the error is PostgreSQL being away (refused, reset, timed out, shutting down), not
 * a bug of ours or a constraint refusing a write.
 */
export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Node tries every address of a host name and reports all the failures together.
  if (error instanceof AggregateError && error.errors.some(isPostgresUnavailable)) return true;
  const code: unknown = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return true;
    }
  }
  return CLIENT_MESSAGES.test(error.message);
}

/** Runs a PostgreSQL operation; PostgreSQL being away becomes SHARED_STORE_UNAVAILABLE (503). */
export const orPostgresUnavailable = sharedStoreGuard('PostgreSQL', isPostgresUnavailable);
