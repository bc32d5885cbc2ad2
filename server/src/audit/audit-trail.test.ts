import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../test/support/stocks-harness';
import type { Session } from '../../test/support/test-console';
import {
  CREATOR,
  PASSWORDS,
  startTestConsole,
  type TestConsole,
} from '../../test/support/test-console';
import { type AuditEntry, auditPageResponseSchema } from '../contract/audit';

const Q = `stock_creator_mchid=${CREATOR}`;

describe('the audit trail of stock requests and sign-ins', () => {
  let c: TestConsole;
  let admin: Session;
  let operator: Session;
  let support: Session;

  beforeAll(async () => {
    c = await startTestConsole({ stocks: true });
    admin = await c.signIn('admin');
    operator = await c.signIn('operator');
    support = await c.signIn('support');
  });
  afterAll(() => c.close());

  const entries = async (query = ''): Promise<AuditEntry[]> => {
    const res = await c.as(admin, 'get', `/api/admin/audit?page_size=100${query}`);
    return auditPageResponseSchema.parse(res.body).entries;
  };
  const entry = async (id: string | undefined) => {
    const found = (await entries()).find((e) => String(e.id) === id);
    if (!found) throw new Error(`no audit row ${id}`);
    return found;
  };

  it('records sign-ins, failures and sign-outs, keeping only names that are accounts', async () => {
    await c.login('support', 'not-the-password');
    await c.login('support-pw-typed-as-name', PASSWORDS.support);
    const temp = await c.signIn('operator');
    await c.as(temp, 'post', '/api/auth/logout');
    const rows = await entries();
    expect(
      rows.filter((e) => e.action === 'login_failed').map((e) => [e.username, e.outcome, e.detail]),
    ).toEqual([
      // One row per address and minute (failed-sign-ins.ts); a typed name that is no account
      // is not kept, so the row names no user.
      [
        null,
        'UNAUTHENTICATED',
        '2 failed sign-ins in this minute: 1 wrong password, 1 unknown name; outcomes: 2 UNAUTHENTICATED; accounts: support',
      ],
    ]);
    expect(rows.find((e) => e.action === 'logout')).toMatchObject({
      username: 'operator',
      role: 'operator',
      outcome: 'ok',
    });
    expect(rows.filter((e) => e.action === 'login')).toHaveLength(4);
    expect(rows[0]?.client_ip).toMatch(/127\.0\.0\.1$/);
    expect(JSON.stringify(rows)).not.toContain('support-pw-typed-as-name');
  });

  it('records a stock lookup and an items page with their WeChat Pay Request-IDs', async () => {
    const details = await c.as(support, 'get', `/api/stocks/16000003?${Q}`);
    expect(await entry(details.headers['x-audit-id'])).toMatchObject({
      username: 'support',
      role: 'support',
      action: 'stock_lookup',
      route: 'GET /stocks/:stockId',
      stock_id: '16000003',
      stock_creator_mchid: CREATOR,
      outcome: 'ok',
      request_ids: [details.body.request_id],
    });
    const page = await c.as(support, 'get', `/api/stocks/16000003/items?${Q}&limit=7`);
    expect(await entry(page.headers['x-audit-id'])).toMatchObject({
      action: 'page_lookup',
      code_count: 7,
      request_ids: [page.body.request_id],
    });
  });

  it('records scans, searches, coverage checks and exports', async () => {
    const scan = await c
      .as(operator, 'post', '/api/stocks/16000003/scans')
      .send({ stock_creator_mchid: CREATOR });
    expect(await entry(scan.headers['x-audit-id'])).toMatchObject({
      action: 'scan',
      outcome: 'ok',
      username: 'operator',
    });
    if (!c.harness) throw new Error('no stocks');
    await settled(c.harness.scans, '16000003');

    const search = await c.as(support, 'get', `/api/stocks/16000003/codes?${Q}&page_size=10`);
    expect(await entry(search.headers['x-audit-id'])).toMatchObject({
      action: 'search',
      code_count: 10,
    });

    const codes = ['A', 'B', 'C'];
    const coverage = await c
      .as(support, 'post', '/api/stocks/16000003/coverage')
      .send({ stock_creator_mchid: CREATOR, codes });
    const { first, last } = coverage.body.evidence.request_ids;
    expect(first.length).toBeGreaterThan(0);
    const row = await entry(coverage.headers['x-audit-id']);
    expect(row).toMatchObject({
      action: 'coverage_check',
      route: 'POST /stocks/:stockId/coverage',
      code_count: 3,
      stock_creator_mchid: CREATOR,
      outcome: 'ok',
    });
    expect(row.request_ids).toEqual([...new Set([...first, ...last])]);

    const csv = await c
      .as(support, 'post', '/api/stocks/16000003/coverage.csv')
      .send({ stock_creator_mchid: CREATOR, codes });
    expect(await entry(csv.headers['x-audit-id'])).toMatchObject({
      action: 'export',
      route: 'POST /stocks/:stockId/coverage.csv',
      code_count: 3,
    });
    const full = await c.as(operator, 'get', `/api/stocks/16000003/codes.csv?${Q}`);
    expect(full.status).toBe(200);
    expect(await entry(full.headers['x-audit-id'])).toMatchObject({
      action: 'export',
      route: 'GET /stocks/:stockId/codes.csv',
    });
  });

  it('records failures with their error code and the upstream Request-ID', async () => {
    const missing = await c.as(support, 'get', `/api/stocks/16999999?${Q}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.requestId).toEqual(expect.any(String));
    expect(await entry(missing.headers['x-audit-id'])).toMatchObject({
      action: 'stock_lookup',
      stock_id: '16999999',
      outcome: 'UPSTREAM_REJECTED',
      request_ids: [missing.body.error.requestId],
    });
    const bad = await c
      .as(support, 'post', '/api/stocks/16000003/coverage')
      .send({ stock_creator_mchid: CREATOR, codes: [] });
    expect(await entry(bad.headers['x-audit-id'])).toMatchObject({
      outcome: 'INVALID_INPUT',
      code_count: 0,
    });
  });

  it('records a refused export with the role that tried it', async () => {
    const res = await c.as(support, 'get', `/api/stocks/16000004/codes.csv?${Q}`);
    expect(res.status).toBe(403);
    expect(res.headers['x-audit-id']).toBeUndefined();
    const rows = await entries('&action=export&stock_id=16000004');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: 'support',
      role: 'support',
      outcome: 'FORBIDDEN',
      stock_creator_mchid: CREATOR,
    });
    expect(rows[0]?.detail).toMatch(/support role cannot/);
  });

  it('records user management by admins', async () => {
    await c
      .as(admin, 'post', '/api/admin/users')
      .send({ username: 'new-agent', role: 'support', password: 'long-enough-pw' });
    const rows = await entries('&action=user_management');
    expect(rows[0]).toMatchObject({
      username: 'admin',
      role: 'admin',
      detail: 'create new-agent (support)',
      outcome: 'ok',
    });
  });
});
