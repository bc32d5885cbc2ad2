import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  readEnvLines,
  runEntry,
  runToEnd,
  signIn,
  stop,
  waitForOk,
} from '../support/processes';

const PASSWORD = 'live-admin-Password-1';

// The live configuration path, pointed at a separately started sandbox, must serve exactly what
// the embedded default serves: only configuration differs between sandbox and production.
describe('live configuration against a separately started sandbox', () => {
  const keysDir = mkdtempSync(path.join(tmpdir(), 'ccc-live-keys-'));
  const children: ChildProcess[] = [];
  let liveUrl = '';
  let embeddedUrl = '';
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    const sandbox = runEntry(
      'src/sandbox/cli.ts',
      ['--port', '0', '--keys', keysDir, '--quiet'],
      {},
    );
    children.push(sandbox);
    const printed = await readEnvLines(sandbox, 'WECHATPAY_BACKUP_BASE_URL');

    // Live mode refuses to start without an admin: create one the way the README says.
    const liveData = { DATA_DIR: path.join(keysDir, 'live-data') };
    const added = await runToEnd(
      'src/accounts/cli.ts',
      ['add', 'ops-admin', '--role', 'admin'],
      liveData,
      `${PASSWORD}\n`,
    );
    expect(added.code, added.output).toBe(0);

    const [livePort, embeddedPort] = [await freePort(), await freePort()];
    const common = { LOG_LEVEL: 'silent', HOST: '127.0.0.1', WEB_DIST_DIR: keysDir };
    children.push(
      runEntry('src/index.ts', [], { ...common, ...printed, ...liveData, PORT: String(livePort) }),
    );
    children.push(
      runEntry('src/index.ts', [], {
        ...common,
        DATA_DIR: path.join(keysDir, 'embedded-data'),
        CONSOLE_DEMO_PASSWORD: PASSWORD,
        PORT: String(embeddedPort),
      }),
    );
    liveUrl = `http://127.0.0.1:${livePort}`;
    embeddedUrl = `http://127.0.0.1:${embeddedPort}`;
    await Promise.all([waitForOk(`${liveUrl}/api/health`), waitForOk(`${embeddedUrl}/api/health`)]);
    cookies.set(liveUrl, await signIn(liveUrl, 'ops-admin', PASSWORD));
    cookies.set(embeddedUrl, await signIn(embeddedUrl, 'demo', PASSWORD));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(children.map(stop));
    rmSync(keysDir, { recursive: true, force: true });
  });

  const get = async (base: string, route: string) => {
    const res = await fetch(`${base}${route}`, { headers: { Cookie: cookies.get(base) ?? '' } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('reports live mode on one and sandbox mode on the other', async () => {
    expect((await get(liveUrl, '/api/health')).body.mode).toBe('live');
    expect((await get(embeddedUrl, '/api/health')).body.mode).toBe('sandbox');
  });

  it('serves the same stock details and pages', async () => {
    const mchid = 'stock_creator_mchid=1900000109';
    for (const route of [
      `/api/stocks/16000004?${mchid}`,
      `/api/stocks/16000004/items?${mchid}&offset=0&limit=100`,
      `/api/stocks/16000004/items?${mchid}&offset=2&limit=100`,
    ]) {
      const [live, embedded] = [await get(liveUrl, route), await get(embeddedUrl, route)];
      expect(live.status, route).toBe(200);
      const strip = ({ fetched_at, request_id, ...rest }: Record<string, unknown>) => rest;
      expect(strip(live.body)).toEqual(strip(embedded.body));
    }
  });

  it('explains the same WeChat Pay error the same way', async () => {
    const route = '/api/stocks/9900000022/items?stock_creator_mchid=1900000109&offset=0&limit=10';
    const [live, embedded] = [await get(liveUrl, route), await get(embeddedUrl, route)];
    expect(live.status).toBe(404);
    const error = (body: Record<string, unknown>) => {
      const { requestId, ...rest } = body.error as Record<string, unknown>;
      return rest;
    };
    expect(error(live.body)).toEqual(error(embedded.body));
  });
});
