// Suite 5: no secret in any answer, log line or the built web bundle; key files others can read
// are refused at boot with the command that fixes them.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../src/accounts/passwords';
import { createSqliteUserStore } from '../../src/accounts/store/sqlite-user-store';
import { systemClock } from '../../src/lib/clock';
import { openConsoleDatabase } from '../../src/runtime/console-database';
import { runEntry } from '../support/processes';
import { readVector } from '../support/sandbox-http';
import { TEST_SCRYPT } from '../support/test-console';
import {
  coverage,
  itemsPage,
  searchCodes,
  startScan,
  stockDetails,
  waitForScan,
} from './api-calls';
import { type ApiAgent, type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { sandboxSecrets } from './secret-inventory';
import { findLeaks, type Haystack, type Secret } from './secret-scan';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const TEST_VECTOR_KEY = readVector('merchant-test-key.pem');

describe('a busy console in certificate mode (the APIv3 key in use)', () => {
  let c: ConsoleUnderTest;
  let api: ApiAgent;
  beforeAll(async () => {
    c = await startConsole({
      sandbox: { signing: 'certificate' },
      client: { verification: 'certificate', maxRetries: 1 },
    });
    api = await c.apiAgent();
  });
  afterAll(() => c.close());

  it('says nothing secret in any answer or log line', async () => {
    const Q = 'stock_creator_mchid=1900000109';
    await api.get('/api/health');
    await api.get('/api/explanations');
    await api.get('/api/sandbox/scenarios');
    expect((await stockDetails(api, '16000004')).status).toBe(200);
    expect((await itemsPage(api, '16000004', 1)).status).toBe(200);
    await startScan(api, '16000004');
    expect(await waitForScan(api, '16000004')).toMatchObject({ state: 'done' });
    await api.get(`/api/stocks/16000004/scans/latest/events?${Q}`);
    await searchCodes(api, '16000004', 'a');
    await api.get(`/api/stocks/16000004/codes.csv?${Q}`);
    await coverage(api, '16000004', ['a', 'b']);
    await api
      .post('/api/stocks/16000004/coverage.csv')
      .send({ stock_creator_mchid: '1900000109', codes: ['a'] });
    // Upstream refusals, forged answers, retries and bad input: the paths that log the most.
    for (const stockId of ['9900000022', '9900000023', '9910000001', '9910000007', '9910000009']) {
      await itemsPage(api, stockId);
    }
    c.sandbox.faults.inject('unknown_serial');
    await itemsPage(api, '16000003');
    await api.get('/api/stocks/..%2f/items');
    await api
      .post('/api/stocks/16000003/coverage')
      .set('Content-Type', 'application/json')
      .send('{');
    expect(c.sandbox.stats.calls({ path: '/v3/certificates' })).toBeGreaterThan(0);
    await expectNoLeaks(c);
  });
});

describe('the built web bundle', () => {
  const present = existsSync(path.join(WEB_DIST, 'index.html'));
  const title = present
    ? 'holds no private key and no APIv3 key'
    : 'holds no secret (skipped: web/dist is missing; the test command builds it before e2e)';

  it.skipIf(!present)(title, async () => {
    const haystacks: Haystack[] = readdirSync(WEB_DIST, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => ({
        label: path.relative(WEB_DIST, file),
        text: readFileSync(file, 'latin1'),
      }));
    expect(haystacks.length).toBeGreaterThan(0);
    const secrets: Secret[] = [
      ...(await sandboxSecrets()),
      { label: 'published test-vector merchant key', value: TEST_VECTOR_KEY },
    ];
    expect(findLeaks({ secrets, haystacks })).toEqual([]);
  });
});

describe('key files others can read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccc-keyfiles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string, mode: number) => {
    const file = path.join(dir, name);
    writeFileSync(file, text, { mode });
    chmodSync(file, mode);
    return file;
  };
  const privateKey = write('apiclient_key.pem', TEST_VECTOR_KEY, 0o644);
  const safeKey = write('safe_key.pem', TEST_VECTOR_KEY, 0o600);
  const apiv3 = write('apiv3_key.txt', 'abcdefghijklmnopqrstuvwxyz012345', 0o640);
  const dataDir = path.join(dir, 'data');
  const live = {
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_MERCHANT_SERIAL_NO: 'ABCDEF0123',
    DATA_DIR: dataDir,
  };
  // Live mode first wants an admin account: make one, so the key check is what stops it.
  beforeAll(async () => {
    const db = openConsoleDatabase(dataDir);
    const passwordHash = await createPasswordHasher(TEST_SCRYPT).hash('Harbour-Admin-Lantern-1');
    await createSqliteUserStore(db, systemClock).create({
      username: 'ops',
      role: 'admin',
      passwordHash,
    });
    db.close();
  });

  it.each([
    {
      variable: 'WECHATPAY_PRIVATE_KEY_FILE',
      file: privateKey,
      env: { WECHATPAY_PRIVATE_KEY_FILE: privateKey, WECHATPAY_APIV3_KEY_FILE: apiv3 },
    },
    {
      variable: 'WECHATPAY_APIV3_KEY_FILE',
      file: apiv3,
      env: { WECHATPAY_PRIVATE_KEY_FILE: safeKey, WECHATPAY_APIV3_KEY_FILE: apiv3 },
    },
  ])(
    '$variable readable by others: the server refuses to start and says how to fix it',
    async ({ variable, file, env }) => {
      const child = runEntry('src/index.ts', [], { ...live, ...env, PORT: '0', LOG_LEVEL: 'info' });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code).toBe(1);
      expect(output).toContain(variable);
      expect(output).toContain(`chmod 600 ${file}`);
      const secrets = [
        { label: 'merchant key', value: TEST_VECTOR_KEY },
        { label: 'APIv3 key', value: 'abcdefghijklmnopqrstuvwxyz012345' },
      ];
      expect(findLeaks({ secrets, haystacks: [{ label: 'boot output', text: output }] })).toEqual(
        [],
      );
    },
  );
});
