// Suite 6: static files never leave web/dist, security headers are on every answer, and request
// size limits hold (413 in our shape).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import { type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { type RawAnswer, rawRequest } from './raw-http';

const INDEX = '<!doctype html><title>console</title><p>INDEX-MARKER</p>';
const ASSET = 'console.log("ASSET-MARKER");';
const OUTSIDE = 'OUTSIDE-SECRET-MARKER';
const DOTFILE = 'DOTFILE-SECRET-MARKER';

const root = mkdtempSync(path.join(tmpdir(), 'ccc-static-'));
const dist = path.join(root, 'dist');
let c: ConsoleUnderTest;
let auth: Record<string, string> = {};
const get = (target: string) => rawRequest(c.url, target, { headers: auth });

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'app.js'), ASSET);
  writeFileSync(path.join(dist, '.env'), DOTFILE);
  // Beside dist, where a traversal would land: it must never be served.
  writeFileSync(path.join(root, 'package.json'), `{"name":"${OUTSIDE}"}`);
  writeFileSync(path.join(root, 'secret.txt'), OUTSIDE);
  c = await startConsole({ webDistDir: dist });
  auth = await c.authHeaders();
});
afterAll(async () => {
  await expectNoLeaks(c);
  await c.close();
  rmSync(root, { recursive: true, force: true });
});

function expectSecurityHeaders(res: RawAnswer): void {
  const csp = String(res.headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  // Plain HTTP here: HSTS only over HTTPS (http/hsts.test.ts).
  expect(res.headers['strict-transport-security']).toBeUndefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
}

const TRAVERSALS = [
  '/../package.json',
  '/../secret.txt',
  '/%2e%2e/package.json',
  '/%2E%2E/secret.txt',
  '/..%2fpackage.json',
  '/..%2f..%2fetc/passwd',
  '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/..%5cpackage.json',
  '/%5c..%5csecret.txt',
  '/..\\secret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/%252e%252e/secret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/..;/secret.txt',
  '/....//secret.txt',
  '//etc/passwd',
  '/.env',
  '/%2eenv',
  '/assets/../.env',
  '/index.html%00.txt',
  '/%00',
  '/%',
  '/%zz/x',
  `/${'../'.repeat(20)}etc/passwd`,
];

describe('static files', () => {
  it('serves the app and its assets with security headers', async () => {
    for (const target of ['/', '/stocks/16000005', '/index.html']) {
      const res = await get(target);
      expect(res.status, target).toBe(200);
      expect(res.body).toBe(INDEX);
      expectSecurityHeaders(res);
    }
    const asset = await get('/assets/app.js');
    expect(asset.body).toBe(ASSET);
    expectSecurityHeaders(asset);
  });

  it.each(TRAVERSALS)('%s never serves anything outside dist', async (target) => {
    const res = await get(target);
    expect(res.status).toBeLessThan(500);
    for (const marker of [OUTSIDE, DOTFILE, 'root:x:0:0']) expect(res.body).not.toContain(marker);
    if (res.status === 200) expect([INDEX, ASSET]).toContain(res.body);
    else apiErrorBodySchema.parse(JSON.parse(res.body));
    expectSecurityHeaders(res);
  });

  it('answers /api paths in JSON, never with the app page', async () => {
    for (const target of ['/api/nope', '/api/../secret.txt', '/api/%2e%2e/secret.txt']) {
      const res = await get(target);
      expect(res.status, target).toBe(404);
      expect(apiErrorBodySchema.parse(JSON.parse(res.body)).error.code).toBe('NOT_FOUND');
      expectSecurityHeaders(res);
    }
  });
});

describe('API answers', () => {
  it('carry the security headers, successes and errors alike', async () => {
    expectSecurityHeaders(await get('/api/health'));
    expectSecurityHeaders(await get('/api/stocks/16000005/items'));
    expectSecurityHeaders(await get('/api/stocks/16000005/codes?stock_creator_mchid=1900000109'));
  });
});

describe('request size limits', () => {
  const over = JSON.stringify({ stock_creator_mchid: '1900000109', codes: ['x'.repeat(3 << 20)] });
  const json = { 'content-type': 'application/json' };

  it.each([
    { name: 'with a Content-Length', chunked: false, target: '/api/stocks/16000005/coverage' },
    { name: 'chunked', chunked: true, target: '/api/stocks/16000005/coverage' },
    { name: 'to an unknown route', chunked: false, target: '/api/nope' },
  ])(
    'a 3 MB body $name: 413 in our shape (after the session check)',
    async ({ chunked, target }) => {
      const res = await rawRequest(c.url, target, {
        method: 'POST',
        headers: { ...auth, ...json },
        body: over,
        chunked,
      });
      expect(res.status).toBe(413);
      const { error } = apiErrorBodySchema.parse(JSON.parse(res.body));
      expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
      expectSecurityHeaders(res);
      expect(c.sandbox.stats.calls()).toBe(0);
    },
  );

  it("a stranger's 3 MB body is not read: 401 at once, the session is checked first", async () => {
    const res = await rawRequest(c.url, '/api/stocks/16000005/coverage', {
      method: 'POST',
      headers: json,
      body: over,
    });
    expect(res.status).toBe(401);
    expect(apiErrorBodySchema.parse(JSON.parse(res.body)).error.code).toBe('UNAUTHENTICATED');
  });

  it('a body just under the limit is read (and judged on its content)', async () => {
    const codes = Array.from({ length: 10_001 }, (_, i) => `${'y'.repeat(185)}${i}`);
    const body = JSON.stringify({ stock_creator_mchid: '1900000109', codes });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1.8 * 2 ** 20);
    const res = await rawRequest(c.url, '/api/stocks/16000005/coverage', {
      method: 'POST',
      headers: { ...auth, ...json },
      body,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'INVALID_INPUT', field: 'codes' });
  });

  it('an oversized request line is refused and the console stays up', async () => {
    const res = await get(`/api/stocks/16000005/codes?q=${'a'.repeat(64 * 1024)}`);
    expect(res.status).toBe(431);
    expect((await get('/api/health')).status).toBe(200);
  });
});
