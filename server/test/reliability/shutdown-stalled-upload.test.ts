// Suite 7b: SIGTERM to the real server entry while one client holds an upload open (headers and
// part of a body, then nothing), another sends half its headers, and a slow lookup is in flight.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleProcess, stop } from '../support/processes';

const Q = 'stock_creator_mchid=1900000109';
// The sandbox's 'slow' scenario answers correctly after 4 s: a lookup surely in flight.
const SLOW_STOCK = '9910000004';
const PASSWORD = 'Stalled-Copper-Upload-1k';
const dir = mkdtempSync(path.join(tmpdir(), 'ccc-stalled-'));

/** A raw connection that sends `text` and then nothing; resolves what came back when it closes. */
function stalled(port: number, text: string) {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.write(text);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk));
  socket.on('error', () => {});
  return new Promise<{ received: string; closedAt: number }>((resolve) =>
    socket.once('close', () => resolve({ received, closedAt: Date.now() })),
  );
}

let child: ChildProcess | undefined;
const seen = {
  lookup: { status: 0, codes: 0, answeredAt: 0 },
  upload: { received: '', closedAt: 0 },
  headers: { received: '', closedAt: 0 },
  exitCode: null as number | null,
  signalledAt: 0,
  exitedAt: 0,
  output: '',
};

beforeAll(async () => {
  const server = await startConsoleProcess({
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: dir,
    DATA_DIR: path.join(dir, 'data'),
    CONSOLE_DEMO_PASSWORD: PASSWORD,
    WECHATPAY_TIMEOUT_MS: '8000',
  });
  child = server.child;
  const { port, base, exited } = server;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'demo', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };

  const lookup = fetch(`${base}/api/stocks/${SLOW_STOCK}/items?${Q}&limit=100`, {
    headers: { cookie },
  }).then(async (res) => {
    const body = (await res.json()) as { data?: unknown[] };
    return { status: res.status, codes: body.data?.length ?? 0, answeredAt: Date.now() };
  });
  const upload = stalled(
    port,
    [
      'POST /api/stocks/16000003/coverage HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Origin: ${base}`,
      `Cookie: ${cookie}`,
      `X-CSRF-Token: ${csrf}`,
      'Content-Type: application/json',
      'Content-Length: 100000',
      '',
      '{"stock_creator_mchid":"1900000109","codes":["',
    ].join('\r\n'),
  );
  const headers = stalled(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Half`);
  await sleep(500);

  seen.signalledAt = Date.now();
  child.kill('SIGTERM');
  [seen.lookup, seen.upload, seen.headers] = await Promise.all([lookup, upload, headers]);
  seen.exitCode = await exited;
  seen.output = server.output();
  seen.exitedAt = Date.now();
}, 60_000);

afterAll(async () => {
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGTERM with an upload stalled mid-body and a lookup in flight', () => {
  it('answers the lookup, closes the stalled sockets, and exits 0 well before the deadline', () => {
    expect(seen.lookup).toMatchObject({ status: 200, codes: 20 });
    expect(seen.upload.received).not.toMatch(/^HTTP\/1\.1 2/);
    expect(seen.upload.closedAt - seen.signalledAt).toBeLessThan(3_000);
    expect(seen.headers.closedAt - seen.signalledAt).toBeLessThan(3_000);
    expect(seen.exitCode, seen.output).toBe(0);
    expect(seen.exitedAt - seen.lookup.answeredAt).toBeLessThan(1_500);
    expect(seen.exitedAt - seen.signalledAt).toBeLessThan(8_000);
  });
});
