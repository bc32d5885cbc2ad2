import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../test/support/processes';
import { knownApiError } from '../../http/api-error';
import { StoreUnavailableError } from '../store-unavailable';
import { isPostgresUnavailable, orPostgresUnavailable } from './unavailable';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('PostgreSQL being away', () => {
  it.each([
    ['refused', coded('ECONNREFUSED')],
    ['reset', coded('ECONNRESET')],
    ['timed out', coded('ETIMEDOUT')],
    ['admin shutdown', coded('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown', coded('57P02')],
    ['starting up', coded('57P03', 'the database system is starting up')],
    ['a connection exception', coded('08006')],
    ['the socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    ['every address refused', new AggregateError([coded('ECONNREFUSED')], 'connect failed')],
  ])('is recognised: %s', (_label, error) => {
    expect(isPostgresUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', coded('23505', 'duplicate key value violates unique constraint')],
    ['the append-only trigger', coded('P0001', 'audit_log is append-only')],
    ['a syntax error', coded('42601')],
    ['a missing database', coded('3D000', 'database "x" does not exist')],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['not an error', 'ECONNREFUSED'],
  ])('is not confused with %s', (_label, error) => {
    expect(isPostgresUnavailable(error)).toBe(false);
  });

  it('turns a refused connection of the real driver into SHARED_STORE_UNAVAILABLE', async () => {
    const port = await freePort();
    const pool = new pg.Pool({ connectionString: `postgresql://x@127.0.0.1:${port}/x` });
    try {
      const failure = await orPostgresUnavailable('testing', () => pool.query('SELECT 1')).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(knownApiError(failure)?.payload).toMatchObject({
        code: 'SHARED_STORE_UNAVAILABLE',
        status: 503,
        retryable: true,
      });
    } finally {
      await pool.end();
    }
  });
});
