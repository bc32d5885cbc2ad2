// The sandbox's demo password, given as CONSOLE_DEMO_PASSWORD to the real server entry with its
// stdout piped (as a log collector reads it), and typed into query strings by a careless caller:
// it must appear in no line the process writes.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleProcess, stop } from '../support/processes';

const PASSWORD = 'Quartz-Log-Harbour-7g3q';
const dir = mkdtempSync(path.join(tmpdir(), 'ccc-demo-log-'));
let child: ChildProcess | undefined;
let output = '';
const statuses: number[] = [];

beforeAll(async () => {
  const server = await startConsoleProcess({
    LOG_LEVEL: 'debug',
    WEB_DIST_DIR: dir,
    DATA_DIR: path.join(dir, 'data'),
    CONSOLE_DEMO_PASSWORD: PASSWORD,
  });
  child = server.child;
  const { base, exited } = server;

  const login = (query: string, body: string) =>
    fetch(`${base}/api/auth/login${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body,
    });
  const good = JSON.stringify({ username: 'demo', password: PASSWORD });
  for (const res of [
    await fetch(`${base}/api/auth/demo`),
    await fetch(`${base}/api/auth/demo?password=${PASSWORD}`),
    await login(`?password=${PASSWORD}`, good),
    await login('', good.slice(0, -2)),
    await login('', JSON.stringify({ username: PASSWORD, password: PASSWORD })),
    await fetch(`${base}/api/stocks/16000003/items?stock_creator_mchid=${PASSWORD}`),
  ]) {
    statuses.push(res.status);
    await res.arrayBuffer();
  }
  child.kill('SIGTERM');
  await exited;
  output = server.output();
}, 60_000);

afterAll(async () => {
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo password and the log', () => {
  it('is never written, neither by the start banner nor with a request', () => {
    expect(statuses).toEqual([200, 200, 200, 400, 401, 401]);
    expect(output).toContain('Sandbox sign-in: demo (the sign-in page shows the password)');
    expect(output).not.toContain(PASSWORD);
  });

  it('request lines keep the path and drop the query', () => {
    const urls = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { req?: { url?: string } }).req?.url)
      .filter((url) => url !== undefined);
    expect(urls).toContain('/api/auth/demo?…');
    expect(urls).toContain('/api/auth/login?…');
    expect(urls).toContain('/api/stocks/16000003/items?…');
    expect(urls).toContain('/api/auth/login');
  });
});
