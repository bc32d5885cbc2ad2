import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../test/support/stocks-harness';
import {
  CREATOR,
  type Session,
  startTestConsole,
  type TestConsole,
} from '../../test/support/test-console';
import type { Role } from '../contract/auth';
import { apiErrorBodySchema } from '../contract/error';

const Q = `stock_creator_mchid=${CREATOR}`;
const STOCK = '/api/stocks/16000003';
const ALL: Role[] = ['admin', 'operator', 'support'];
const ADMIN: Role[] = ['admin'];
const OPERATORS: Role[] = ['admin', 'operator'];

interface Endpoint {
  method: 'get' | 'post';
  path: string;
  body?: (role: Role) => object;
  allowed: Role[];
}

// Every endpoint of the stocks router and of accounts/audit, with the roles the issue allows.
const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: `${STOCK}?${Q}`, allowed: ALL },
  { method: 'get', path: `${STOCK}/items?${Q}`, allowed: ALL },
  {
    method: 'post',
    path: `${STOCK}/scans`,
    body: () => ({ stock_creator_mchid: CREATOR }),
    allowed: ALL,
  },
  {
    method: 'post',
    path: `${STOCK}/scans`,
    body: () => ({ stock_creator_mchid: CREATOR, refresh: true }),
    allowed: OPERATORS,
  },
  { method: 'get', path: `${STOCK}/scans/latest?${Q}`, allowed: ALL },
  { method: 'get', path: `${STOCK}/scans/latest/events?${Q}`, allowed: ALL },
  { method: 'get', path: `${STOCK}/codes?${Q}`, allowed: ALL },
  { method: 'get', path: `${STOCK}/codes.csv?${Q}`, allowed: OPERATORS },
  {
    method: 'post',
    path: `${STOCK}/coverage`,
    body: () => ({ stock_creator_mchid: CREATOR, codes: ['a', 'b'] }),
    allowed: ALL,
  },
  {
    method: 'post',
    path: `${STOCK}/coverage.csv`,
    body: () => ({ stock_creator_mchid: CREATOR, codes: ['a'] }),
    allowed: ALL,
  },
  { method: 'get', path: '/api/auth/me', allowed: ALL },
  { method: 'get', path: '/api/admin/users', allowed: ADMIN },
  {
    method: 'post',
    path: '/api/admin/users',
    body: (role) => ({ username: `new-by-${role}`, role: 'support', password: 'long-enough-pw' }),
    allowed: ADMIN,
  },
  { method: 'post', path: '/api/admin/users/spare/disable', allowed: ADMIN },
  { method: 'post', path: '/api/admin/users/spare/enable', allowed: ADMIN },
  {
    method: 'post',
    path: '/api/admin/users/spare/reset-password',
    body: () => ({ password: 'another-long-pw' }),
    allowed: ADMIN,
  },
  { method: 'get', path: '/api/admin/audit', allowed: ADMIN },
  { method: 'get', path: '/api/admin/audit.csv', allowed: ADMIN },
];

const PUBLIC = ['/api/health', '/api/explanations', '/api/sandbox/scenarios'];

describe('role × endpoint', () => {
  let c: TestConsole;
  const sessions = {} as Record<Role, Session>;
  beforeAll(async () => {
    c = await startTestConsole({ stocks: true });
    for (const role of ALL) sessions[role] = await c.signIn(role);
    await c.accounts.admin.create(
      { username: null, role: null, clientIp: null, via: 'cli' },
      { username: 'spare', role: 'operator', password: 'Harbour-lantern-61' },
    );
    // Search and export read the latest scan: have one, so allowed calls answer 2xx.
    await c.as(sessions.admin, 'post', `${STOCK}/scans`).send({ stock_creator_mchid: CREATOR });
    if (!c.harness) throw new Error('no stocks harness');
    await settled(c.harness.scans, '16000003');
  });
  afterAll(() => c.close());

  for (const endpoint of ENDPOINTS) {
    const label = `${endpoint.method.toUpperCase()} ${endpoint.path.split('?')[0]}`;
    for (const role of ALL) {
      const allowed = endpoint.allowed.includes(role);
      it(`${label}: ${role} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const calls = c.harness?.sandbox.stats.calls() ?? 0;
        const res = await c
          .as(sessions[role], endpoint.method, endpoint.path)
          .send(endpoint.body?.(role));
        if (allowed) {
          expect(res.status, res.text).toBeGreaterThanOrEqual(200);
          expect(res.status, res.text).toBeLessThan(300);
        } else {
          expect(res.status).toBe(403);
          expect(apiErrorBodySchema.parse(res.body).error).toMatchObject({
            code: 'FORBIDDEN',
            explanation: 'api.forbidden',
          });
          // Refused before any work: WeChat Pay was not called.
          expect(c.harness?.sandbox.stats.calls()).toBe(calls);
        }
      });
    }
  }

  it('answers 401 with our error shape on every non-public endpoint without a session', async () => {
    for (const endpoint of [...ENDPOINTS, { method: 'post' as const, path: '/api/auth/logout' }]) {
      const res = await c
        .http()
        [endpoint.method](endpoint.path)
        .set('Origin', c.origin)
        .send(endpoint.method === 'post' ? {} : undefined);
      expect(res.status, endpoint.path).toBe(401);
      expect(apiErrorBodySchema.parse(res.body).error).toMatchObject({
        code: 'UNAUTHENTICATED',
        explanation: 'api.unauthenticated',
      });
    }
  });

  it('answers 401 for a forged or unknown session cookie', async () => {
    for (const cookie of ['ccc_session=forged', `ccc_session=${'A'.repeat(43)}`]) {
      const res = await c.http().get('/api/auth/me').set('Cookie', cookie);
      expect(res.status).toBe(401);
    }
  });

  it('serves health, explanations and sandbox scenarios without a session', async () => {
    for (const path of PUBLIC) expect((await c.http().get(path)).status, path).toBe(200);
  });

  it('keeps routes missing from the table for admins (404), refusing the others', async () => {
    const path = `${STOCK}/nothing-here`;
    expect((await c.as(sessions.admin, 'get', path)).status).toBe(404);
    expect((await c.as(sessions.operator, 'get', path)).status).toBe(403);
    expect((await c.as(sessions.support, 'get', path)).status).toBe(403);
  });

  it('lets the stocks router answer bad input after the role check', async () => {
    const res = await c.as(sessions.support, 'get', `/api/stocks//items?${Q}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'stock_id' });
    const refused = await c.as(sessions.support, 'get', `/api/stocks//codes.csv?${Q}`);
    expect(refused.status).toBe(403);
  });
});
