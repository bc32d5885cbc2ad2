// Probe: what Node refuses before Express sees it (a malformed request 400, a slow client 408,
// oversized headers 431) and routes nobody serves answered in plain text or HTML, not in the
// console's JSON error shape; slow clients were bounded only by Node's defaults (5 min for a
// request, no cap on connections).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import { type ConsoleUnderTest, startConsole } from './console-under-test';
import { rawRequest } from './raw-http';

/** Writes `text` on a fresh socket and reads until the server closes it. */
function exchange(url: string, text: string, holdMs = 0): Promise<{ answer: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(text);
      if (holdMs) setTimeout(() => socket.write('X'), holdMs);
    });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
  });
}

const errorOf = (answer: string) => {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  expect(head).toMatch(/content-type: application\/json/i);
  return {
    statusLine: head.split('\r\n')[0],
    error: apiErrorBodySchema.parse(JSON.parse(body)).error,
  };
};

describe('Node’s own refusals and unknown routes, in JSON', () => {
  let c: ConsoleUnderTest;
  let auth: Record<string, string>;
  beforeAll(async () => {
    c = await startConsole({
      serverLimits: { headersTimeoutMs: 400, requestTimeoutMs: 600, checkEveryMs: 50 },
    });
    auth = await c.authHeaders();
  });
  afterAll(() => c.close());

  it('answers a malformed request 400 BAD_REQUEST', async () => {
    const { answer } = await exchange(
      c.url,
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x1\r\n\r\n',
    );
    const { statusLine, error } = errorOf(answer);
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(error).toMatchObject({ code: 'BAD_REQUEST', explanation: 'api.bad_request' });
  });

  it('answers oversized headers 431 HEADERS_TOO_LARGE, and stays up', async () => {
    const res = await rawRequest(c.url, '/api/health', {
      headers: { 'x-big': 'a'.repeat(64 * 1024) },
    });
    expect(res.status).toBe(431);
    expect(apiErrorBodySchema.parse(JSON.parse(res.body)).error.code).toBe('HEADERS_TOO_LARGE');
    expect((await rawRequest(c.url, '/api/health')).status).toBe(200);
  });

  it('closes a client that sends its headers too slowly with 408 REQUEST_TIMEOUT', async () => {
    const { answer, ms } = await exchange(
      c.url,
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ',
    );
    expect(errorOf(answer).error).toMatchObject({ code: 'REQUEST_TIMEOUT', status: 408 });
    expect(ms).toBeLessThan(3_000);
  });

  it('closes a client that trickles its body with 408, after the headers arrived', async () => {
    const { port } = new URL(c.url);
    const head = [
      'POST /api/stocks/16000005/coverage HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      'Content-Length: 100000',
      ...Object.entries(auth).map(([name, value]) => `${name}: ${value}`),
      '',
      '{"codes":[',
    ].join('\r\n');
    const { answer, ms } = await exchange(c.url, head, 100);
    expect(errorOf(answer).error.code).toBe('REQUEST_TIMEOUT');
    expect(ms).toBeLessThan(3_000);
  });

  it('answers routes nobody serves with 404 NOT_FOUND in JSON, inside /api and out', async () => {
    for (const [method, target] of [
      ['GET', '/api/nope'],
      ['PUT', '/api/admin/nothing'],
      ['POST', '/nope'],
      ['GET', '/no-built-app-here'],
    ] as const) {
      const res = await rawRequest(c.url, target, { method, headers: auth });
      expect(res.status, `${method} ${target}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(apiErrorBodySchema.parse(JSON.parse(res.body)).error.code).toBe('NOT_FOUND');
    }
  });
});

describe('the connection cap', () => {
  let c: ConsoleUnderTest;
  beforeAll(async () => {
    c = await startConsole({ serverLimits: { maxConnections: 3 } });
  });
  afterAll(() => c.close());

  it('closes connections past the cap at once, and accepts again once one is gone', async () => {
    const { hostname, port } = new URL(c.url);
    const opened = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect(Number(port), hostname, () => resolve(socket));
          }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(rawRequest(c.url, '/api/health')).rejects.toThrow();
    for (const socket of opened) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await rawRequest(c.url, '/api/health')).status).toBe(200);
  });
});
