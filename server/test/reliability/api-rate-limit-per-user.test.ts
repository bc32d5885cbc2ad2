// Probe: the per-client API limit counted addresses, so one signed-in person hopping addresses
// (or many proxies' X-Forwarded-For) was never limited, while colleagues behind one office NAT
// shared a single allowance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type Role, sessionInfoSchema } from '../../src/contract/auth';
import { apiErrorBodySchema } from '../../src/contract/error';
import { PASSWORDS, startTestConsole, type TestConsole } from '../support/test-console';

const LIMIT = 6;

describe('the API rate limit keys on the signed-in user', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ trustProxy: true, apiRateLimitPerMinute: LIMIT });
  });
  afterAll(() => c.close());

  /** Signs in from `ip` (a request of that address's allowance): the cookie. */
  async function signInFrom(role: Role, ip: string) {
    const res = await c
      .http()
      .post('/api/auth/login')
      .set('Origin', c.origin)
      .set('X-Forwarded-For', ip)
      .send({ username: role, password: PASSWORDS[role] });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    return { cookie, csrf: sessionInfoSchema.parse(res.body).csrf_token };
  }
  const me = (cookie: string, ip: string) =>
    c.http().get('/api/auth/me').set('Cookie', cookie).set('X-Forwarded-For', ip);

  it('limits one person however many addresses they use', async () => {
    const { cookie } = await signInFrom('operator', '203.0.113.1');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await me(cookie, `198.51.100.${i}`)).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    const last = await me(cookie, '198.51.100.200');
    expect(apiErrorBodySchema.parse(last.body).error.code).toBe('RATE_LIMITED');
  });

  it('gives colleagues behind one address an allowance each', async () => {
    const office = '192.0.2.10';
    const support = await signInFrom('support', '192.0.2.11');
    const admin = await signInFrom('admin', '192.0.2.12');
    for (let i = 0; i < LIMIT; i++) expect((await me(support.cookie, office)).status).toBe(200);
    expect((await me(support.cookie, office)).status).toBe(429);
    expect((await me(admin.cookie, office)).status).toBe(200);
    // A state-changing call counts against the person too (and still passes CSRF).
    const logout = await c
      .http()
      .post('/api/auth/logout')
      .set('Cookie', admin.cookie)
      .set('Origin', c.origin)
      .set(CSRF_HEADER, admin.csrf)
      .set('X-Forwarded-For', office);
    expect(logout.status).toBe(204);
  });

  it('counts anonymous requests by address', async () => {
    const ip = '192.0.2.50';
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      statuses.push((await c.http().get('/api/explanations').set('X-Forwarded-For', ip)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(
      (await c.http().get('/api/explanations').set('X-Forwarded-For', '192.0.2.51')).status,
    ).toBe(200);
  });
});
