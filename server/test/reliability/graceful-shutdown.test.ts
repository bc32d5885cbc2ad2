// Suite 7: SIGTERM to the real server entry (src/index.ts on its embedded sandbox) while a long
// scan runs and page lookups are in flight.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScanProgress, scanProgressSchema } from '../../src/contract/stocks';
import { startConsoleProcess, stop } from '../support/processes';
import { rawRequest } from './raw-http';

const Q = 'stock_creator_mchid=1900000109';
// The sandbox's 'slow' scenario answers correctly after 4 s: a lookup surely in flight.
const SLOW_STOCK = '9910000004';
const PASSWORD = 'shutdown-Harbour-Lantern-1';
const dir = mkdtempSync(path.join(tmpdir(), 'ccc-shutdown-'));

interface Lookup {
  status: number;
  codes: number;
  answeredAt: number;
}

/** Signs in as the sandbox's demo admin: the session cookie and the CSRF token. */
async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'demo', password: PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrf_token: csrf } = (await res.json()) as { csrf_token: string };
  return { cookie, csrf };
}

/** A lookup over a keep-alive connection, as a browser tab makes it. */
function lookup(agent: Agent, url: string, cookie: string): Promise<Lookup> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent, timeout: 15_000, headers: { cookie } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk));
      res.on('end', () => {
        const body = JSON.parse(text) as { data?: unknown[] };
        resolve({
          status: res.statusCode ?? 0,
          codes: body.data?.length ?? 0,
          answeredAt: Date.now(),
        });
      });
    });
    req.on('timeout', () => req.destroy(new Error('lookup timed out')));
    req.on('error', reject);
  });
}

/** Reads a server-sent event stream to its end; bounded by `timeoutMs`. */
async function progressEvents(url: string, cookie: string, timeoutMs: number) {
  const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line): ScanProgress => scanProgressSchema.parse(JSON.parse(line.slice(6))));
}

let child: ChildProcess | undefined;
const agent = new Agent({ keepAlive: true });
const seen = {
  scanStatus: 0,
  lookups: [] as Lookup[],
  progress: [] as ScanProgress[],
  refusedAfterSignal: false,
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
  const { base, exited } = server;
  const { cookie, csrf } = await signIn(base);

  const scan = await fetch(`${base}/api/stocks/16000006/scans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base, 'x-csrf-token': csrf },
    body: JSON.stringify({ stock_creator_mchid: '1900000109' }),
  });
  seen.scanStatus = scan.status;
  const events = progressEvents(
    `${base}/api/stocks/16000006/scans/latest/events?${Q}`,
    cookie,
    15_000,
  );
  const lookups = [0, 1, 2].map(() =>
    lookup(agent, `${base}/api/stocks/${SLOW_STOCK}/items?${Q}&limit=100`, cookie),
  );
  // Long enough for a busy server (walking the big stock meanwhile) to have taken the lookups
  // in, well short of the 4 s their answers take: a connection it has not accepted yet is
  // reset by the shutdown, which is not what this test is about.
  await sleep(2_000);

  seen.signalledAt = Date.now();
  child.kill('SIGTERM');
  await sleep(300);
  seen.refusedAfterSignal = await rawRequest(base, '/api/health', { timeoutMs: 2_000 }).then(
    () => false,
    () => true,
  );
  seen.lookups = await Promise.all(lookups);
  seen.progress = await events;
  seen.exitCode = await exited;
  seen.output = server.output();
  seen.exitedAt = Date.now();
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGTERM with a long scan running and lookups in flight', () => {
  it('stops accepting, finishes the lookups, interrupts the scan, exits 0 within 10 s', () => {
    expect(seen.scanStatus).toBe(202);
    expect(seen.refusedAfterSignal).toBe(true);
    for (const answer of seen.lookups) expect(answer).toMatchObject({ status: 200, codes: 20 });
    expect(seen.progress[0]?.state).toBe('running');
    expect(seen.progress.at(-1)).toMatchObject({
      state: 'interrupted',
      error: { code: 'SCAN_INTERRUPTED', retryable: true },
    });
    expect(seen.progress.at(-1)?.codes_loaded).toBeLessThan(50_100);
    expect(seen.exitCode, seen.output).toBe(0);
    expect(seen.exitedAt - seen.signalledAt).toBeLessThan(10_000);
  });

  it('exits once the last in-flight answer is sent, not a keep-alive timeout later', () => {
    const lastAnswer = Math.max(...seen.lookups.map((answer) => answer.answeredAt));
    // Node keeps an idle connection 5 s: well under that, with room for a busy machine.
    expect(seen.exitedAt - lastAnswer).toBeLessThan(3_000);
  });
});
