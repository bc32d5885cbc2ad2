import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../../test/support/test-console';
import { auditPageResponseSchema } from '../contract/audit';
import { auditIdOf } from './audit-trail';

// The wiring proposed for the stocks route: the coverage answer quotes its own audit row.
const quoting = Router()
  .post('/stocks/:stockId/coverage', (_req, res) => {
    res.json({ audit_id: auditIdOf(res) });
  })
  .get('/stocks/:stockId/codes.csv', (_req, res) => {
    res.locals.requestIds = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
    res.type('text/csv').send('code\n');
  });

describe('the audit id of a coverage check', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ routers: [quoting] });
  });
  afterAll(() => c.close());

  it('is known to the route before it answers, sent as X-Audit-Id and kept as the row id', async () => {
    const support = await c.signIn('support');
    const res = await c
      .as(support, 'post', '/api/stocks/16000003/coverage')
      .send({ stock_creator_mchid: '1900000109', codes: ['a', 'b'] });
    expect(res.body.audit_id).toEqual(expect.any(Number));
    expect(res.headers['x-audit-id']).toBe(String(res.body.audit_id));
    const admin = await c.signIn('admin');
    const page = await c.as(admin, 'get', '/api/admin/audit?action=coverage_check');
    const [entry] = auditPageResponseSchema.parse(page.body).entries;
    expect(entry).toMatchObject({ id: res.body.audit_id, username: 'support', code_count: 2 });
  });

  it('records the Request-IDs a CSV route leaves in res.locals, first and last three', async () => {
    const operator = await c.signIn('operator');
    const res = await c.as(operator, 'get', '/api/stocks/16000003/codes.csv?stock_creator_mchid=1');
    const admin = await c.signIn('admin');
    const page = await c.as(admin, 'get', '/api/admin/audit?action=export');
    const [entry] = auditPageResponseSchema.parse(page.body).entries;
    expect(entry).toMatchObject({
      id: Number(res.headers['x-audit-id']),
      stock_creator_mchid: '1',
    });
    expect(entry?.request_ids).toEqual(['r1', 'r2', 'r3', 'r6', 'r7', 'r8']);
  });

  it('is null outside an audited request', () => {
    expect(auditIdOf({ locals: {} } as Parameters<typeof auditIdOf>[0])).toBeNull();
  });
});
