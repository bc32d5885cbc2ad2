import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/sandbox';
import {
  clientFor,
  codesOfStock,
  itemsQuery,
  startIntegrationSandbox,
  type VerificationMode,
} from '../support/wiring';

// The demo stocks whose details and first page are compared with the sandbox's own data.
const STOCKS = [
  { id: '16000002', size: 1, name: '鲜牛奶单品立减5元', status: 'stoped' },
  { id: '16000003', size: 57, name: '零食专区满30减5', status: 'running' },
  { id: '16000004', size: 250, name: '日化用品满50减8', status: 'paused' },
] as const;
const CERTIFICATES = '/v3/certificates';

const sandboxes: Record<'public_key' | 'certificate', RunningSandbox | undefined> = {
  public_key: undefined,
  certificate: undefined,
};
const sandboxFor = (signing: 'public_key' | 'certificate'): RunningSandbox => {
  const sandbox = sandboxes[signing];
  if (!sandbox) throw new Error(`sandbox ${signing} not started`);
  return sandbox;
};

beforeAll(async () => {
  sandboxes.public_key = await startIntegrationSandbox({ signing: 'public_key' });
  sandboxes.certificate = await startIntegrationSandbox({ signing: 'certificate' });
});
afterAll(async () => {
  await Promise.all(Object.values(sandboxes).map((sandbox) => sandbox?.close()));
});

// A client configured for certificates only cannot read 微信支付公钥 signatures: the sandbox
// (like WeChat Pay) signs with the public key unless it is asked otherwise.
const MATRIX: { signing: 'public_key' | 'certificate'; verification: VerificationMode }[] = [
  { signing: 'public_key', verification: 'public_key' },
  { signing: 'public_key', verification: 'both' },
  { signing: 'certificate', verification: 'public_key' },
  { signing: 'certificate', verification: 'certificate' },
  { signing: 'certificate', verification: 'both' },
];

describe.each(MATRIX)(
  'sandbox signing $signing, client $verification',
  ({ signing, verification }) => {
    it('verifies getStock and listAvailableItems, and the data is the demo stocks', async () => {
      const sandbox = sandboxFor(signing);
      const client = clientFor(sandbox, { verification });
      for (const stock of STOCKS) {
        const details = await client.getStock(itemsQuery(stock.id));
        expect(details).toMatchObject({ ok: true, attempts: 1 });
        if (!details.ok) continue;
        expect(details.data).toMatchObject({
          stock_id: stock.id,
          stock_name: stock.name,
          status: stock.status,
          singleitem: true,
          stock_type: 'NORMAL',
        });
        expect(details.requestId).toMatch(/\S/);

        const page = await client.listAvailableItems(itemsQuery(stock.id, 0, 100));
        expect(page).toMatchObject({ ok: true, attempts: 1 });
        if (!page.ok) continue;
        expect(page.data.total_count).toBe(stock.size);
        expect(page.data.data).toEqual(codesOfStock(stock.id).slice(0, 100));
      }
    });
  },
);

describe('which keys each mode uses', () => {
  it('certificate mode downloads /v3/certificates once and trusts the platform serial', async () => {
    const sandbox = sandboxFor('certificate');
    const before = sandbox.stats.calls({ path: CERTIFICATES });
    const client = clientFor(sandbox, { verification: 'certificate' });
    const results = await Promise.all(
      STOCKS.map((stock) => client.listAvailableItems(itemsQuery(stock.id))),
    );
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    await client.getStock(itemsQuery('16000003'));
    // Concurrent first calls share one download; later calls reuse the certificate.
    expect(sandbox.stats.calls({ path: CERTIFICATES }) - before).toBe(1);
    expect(client.platformSerials()).toEqual([sandbox.credentials.platformSerialNo]);
  });

  it('public-key mode never downloads certificates, whatever the sandbox signs with', async () => {
    for (const signing of ['public_key', 'certificate'] as const) {
      const sandbox = sandboxFor(signing);
      const before = sandbox.stats.calls({ path: CERTIFICATES });
      const client = clientFor(sandbox, { verification: 'both' });
      expect(await client.listAvailableItems(itemsQuery('16000003'))).toMatchObject({ ok: true });
      expect(sandbox.stats.calls({ path: CERTIFICATES })).toBe(before);
      expect(client.platformSerials()).toEqual([sandbox.credentials.publicKeyId]);
    }
  });

  it('migration: a client with both keys verifies answers signed either way', async () => {
    const sandbox = sandboxFor('certificate');
    let calls = 0;
    // Every other request goes out without `Wechatpay-Serial: PUB_KEY_ID_…`, so the sandbox
    // answers it with the platform certificate: the same client meets both serials.
    const client = clientFor(sandbox, {
      verification: 'both',
      fetch: (input, init) => {
        calls += 1;
        const headers = new Headers(init?.headers);
        if (calls % 2 === 0) headers.delete('wechatpay-serial');
        return fetch(input, { ...init, headers });
      },
    });
    const results = [];
    for (const stock of [...STOCKS, ...STOCKS]) {
      results.push(await client.listAvailableItems(itemsQuery(stock.id)));
    }
    expect(results.every((result) => result.ok)).toBe(true);
    expect(client.platformSerials()).toEqual([
      sandbox.credentials.publicKeyId,
      sandbox.credentials.platformSerialNo,
    ]);
  });

  it('a certificate-only client refuses public-key signatures as an unknown serial', async () => {
    const sandbox = sandboxFor('public_key');
    const client = clientFor(sandbox, { verification: 'certificate' });
    const before = sandbox.stats.calls({ path: CERTIFICATES });
    const result = await client.listAvailableItems(itemsQuery('16000003'));
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind: 'unknown_serial' } });
    // A PUB_KEY_ID_ serial is never looked for among certificates: nothing is downloaded.
    expect(sandbox.stats.calls({ path: CERTIFICATES })).toBe(before);
  });
});
