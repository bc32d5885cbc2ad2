import { Router } from 'express';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PostgresUnderTest, startPostgres } from '../../test/support/postgres-server';
import {
  CREATOR,
  type Session,
  startTestConsole,
  type TestConsole,
} from '../../test/support/test-console';
import { type AuditEntry, auditPageResponseSchema } from '../contract/audit';
import { apiErrorBodySchema } from '../contract/error';

const Q = `stock_creator_mchid=${CREATOR}`;
// A stock route that takes PostgreSQL down while it answers: the audit row comes after.
const OUTAGE_STOCK = '16999999';

describe('a console with users and audit in PostgreSQL', () => {
  let server: PostgresUnderTest;
  let url: string;
  let c: TestConsole;
  let admin: Session;
  let support: Session;

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase();
    const outage = Router().get('/stocks/:stockId', async (req, res, next) => {
      if (req.params.stockId !== OUTAGE_STOCK) return next();
      await server.stop();
      res.json({ data: [] });
    });
    c = await startTestConsole({
      stocks: true,
      routers: [outage],
      databaseUrl: url,
      storeTimeoutMs: 1_500,
    });
    admin = await c.signIn('admin');
    support = await c.signIn('support');
  }, 30_000);
  afterAll(async () => {
    await c?.close();
    await server?.destroy();
  });

  const auditEntries = async (): Promise<AuditEntry[]> => {
    const res = await c.as(admin, 'get', '/api/admin/audit?page_size=100');
    expect(res.status, res.text).toBe(200);
    return auditPageResponseSchema.parse(res.body).entries;
  };
  const lookup = () => c.as(support, 'get', `/api/stocks/16000003?${Q}`);

  it('keeps a stock lookup on the admin audit page and in its CSV, in PostgreSQL', async () => {
    const res = await lookup();
    expect(res.status, res.text).toBe(200);
    const id = Number(res.headers['x-audit-id']);
    const entry = (await auditEntries()).find((e) => e.id === id);
    expect(entry).toMatchObject({
      username: 'support',
      action: 'stock_lookup',
      stock_id: '16000003',
      stock_creator_mchid: CREATOR,
      outcome: 'ok',
    });
    expect(entry?.request_ids.length).toBeGreaterThan(0);
    const csv = await c.as(admin, 'get', '/api/admin/audit.csv?action=stock_lookup');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`\n${id},`);
    expect(csv.text).toContain(entry?.request_ids[0]);

    // The rows are PostgreSQL's: the replica's own SQLite holds neither users nor audit.
    expect(c.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(c.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });
    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    const { rows } = await direct.query('SELECT action FROM audit_log WHERE id = $1', [id]);
    await direct.end();
    expect(rows).toEqual([{ action: 'stock_lookup' }]);
  });

  it('answers 503 SHARED_STORE_UNAVAILABLE at once while PostgreSQL is down, then heals', async () => {
    await server.stop();
    const started = Date.now();
    const refused = await lookup();
    const elapsed = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(apiErrorBodySchema.parse(refused.body).error).toMatchObject({
      code: 'SHARED_STORE_UNAVAILABLE',
      retryable: true,
    });
    expect(elapsed).toBeLessThan(1_000);
    expect((await c.login('support', 'whatever-password')).status).toBe(503);
    expect((await c.as(admin, 'get', '/api/admin/audit')).status).toBe(503);
    // The pool's idle connections died with the server: reported, not fatal.
    expect(c.logs.join('')).toContain('an idle PostgreSQL connection failed');

    await server.restart();
    const healed = await lookup();
    expect(healed.status, healed.text).toBe(200);
    const id = Number(healed.headers['x-audit-id']);
    expect((await auditEntries()).map((e) => e.id)).toContain(id);
  });

  it('logs an audit row it could not write once the answer was out, and carries on', async () => {
    const res = await c.as(support, 'get', `/api/stocks/${OUTAGE_STOCK}?${Q}`);
    expect(res.status).toBe(200);
    const id = Number(res.headers['x-audit-id']);
    await vi.waitFor(() => expect(c.logs.join('')).toContain('could not write the audit row'));
    await server.restart();
    expect((await lookup()).status).toBe(200);
    expect((await auditEntries()).map((e) => e.id)).not.toContain(id);
  });
});
