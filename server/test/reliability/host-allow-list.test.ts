// Probe: the console answered any Host header (DNS rebinding: a page on evil.example resolving
// to the console's address signed in and read answers), and the CSRF check compared the Origin
// with that same Host header, so `Host: evil.example` + `Origin: http://evil.example` passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import { PASSWORDS, startTestConsole, type TestConsole } from '../support/test-console';
import { rawRequest } from './raw-http';

const signInBody = JSON.stringify({ username: 'admin', password: PASSWORDS.admin });

describe('the host allow-list (listening address only)', () => {
  let c: TestConsole;
  let port: string;
  beforeAll(async () => {
    c = await startTestConsole();
    port = new URL(c.url).port;
  });
  afterAll(() => c.close());

  const login = (host: string, origin: string) =>
    rawRequest(c.url, '/api/auth/login', {
      method: 'POST',
      headers: { host, origin, 'content-type': 'application/json' },
      body: signInBody,
    });

  it('refuses a foreign Host with 421 HOST_NOT_ALLOWED, even for health', async () => {
    const res = await rawRequest(c.url, '/api/health', {
      headers: { host: `evil.example:${port}` },
    });
    expect(res.status).toBe(421);
    expect(apiErrorBodySchema.parse(JSON.parse(res.body)).error).toMatchObject({
      code: 'HOST_NOT_ALLOWED',
      explanation: 'api.host_not_allowed',
    });
  });

  it('refuses a rebinding sign-in whose Origin matches its own foreign Host', async () => {
    const res = await login(`evil.example:${port}`, `http://evil.example:${port}`);
    expect(res.status).toBe(421);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the listening address and localhost on its port', async () => {
    expect((await login(`127.0.0.1:${port}`, c.url)).status).toBe(200);
    expect((await login(`localhost:${port}`, `http://localhost:${port}`)).status).toBe(200);
  });

  it('compares the Origin’s scheme and port too, not only its host name', async () => {
    for (const origin of [`https://127.0.0.1:${port}`, 'http://127.0.0.1:1', 'http://127.0.0.1']) {
      const res = await login(`127.0.0.1:${port}`, origin);
      expect(res.status, origin).toBe(403);
      expect(apiErrorBodySchema.parse(JSON.parse(res.body)).error.code).toBe('FORBIDDEN');
    }
  });
});

describe('the host allow-list with CONSOLE_PUBLIC_URL', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ publicOrigins: ['https://coupons.example.com'] });
  });
  afterAll(() => c.close());

  const login = (host: string, origin: string) =>
    rawRequest(c.url, '/api/auth/login', {
      method: 'POST',
      headers: { host, origin, 'content-type': 'application/json' },
      body: signInBody,
    });

  it('accepts the public address with its own scheme, refuses it with another', async () => {
    expect((await login('coupons.example.com', 'https://coupons.example.com')).status).toBe(200);
    expect((await login('coupons.example.com', 'http://coupons.example.com')).status).toBe(403);
    expect((await login('coupons.example.com:8443', 'https://coupons.example.com')).status).toBe(
      421,
    );
  });
});
