import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  itemsUrl,
  json,
  responseVerifies,
  startTestSandbox,
  stockUrl,
} from '../../test/support/sandbox-http';
import { errorScenarios } from './error-scenarios';
import { faultScenarios } from './fault-scenarios';
import type { RunningSandbox } from './server';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const scenario = (fault: string) => {
  const found = faultScenarios.find((s) => s.fault === fault);
  if (!found) throw new Error(fault);
  return found.id;
};
const publicKey = () => sandbox.credentials.platformPublicKeyPem;

describe('error table scenarios', () => {
  it.each(errorScenarios.map((s) => [s.id, s.row.status, s.row.code, s.row.message] as const))(
    '%s answers %i %s %s on items and stock details',
    async (id, status, code, message) => {
      for (const url of [itemsUrl(id), stockUrl(id), stockUrl(id, '1234567')]) {
        const result = await call(sandbox, url);
        expect(result.status).toBe(status);
        expect(json(result)).toEqual({ code, message });
      }
    },
  );
});

describe('fault scenarios', () => {
  it.each([
    ['system_error', 500, 'SYSTEM_ERROR'],
    ['service_unavailable', 503, 'SERVICE_UNAVAILABLE'],
  ])('%s answers %i %s', async (fault, status, code) => {
    const result = await call(sandbox, itemsUrl(scenario(fault)));
    expect(result.status).toBe(status);
    expect(json(result).code).toBe(code);
  });

  it('bad_gateway answers 502 with an HTML page and no signature', async () => {
    const result = await call(sandbox, itemsUrl(scenario('bad_gateway')));
    expect(result.status).toBe(502);
    expect(result.headers['content-type']).toContain('text/html');
    expect(result.headers['wechatpay-signature']).toBeUndefined();
    expect(result.headers['request-id']).toBeDefined();
  });

  it('the burst answers 429 on the 1st and 3rd calls and pages on the 2nd and 4th', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await call(sandbox, itemsUrl(scenario('rate_limit')))).status);
    expect(statuses).toEqual([429, 200, 429, 200]);
  });

  it('reset drops the connection without an answer, and is still counted', async () => {
    const id = scenario('reset');
    await expect(call(sandbox, itemsUrl(id))).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(sandbox.stats.calls({ stockId: id, status: 0 })).toBe(1);
  });

  it('malformed_json sends half a body, signed over exactly what is sent', async () => {
    const result = await call(sandbox, itemsUrl(scenario('malformed_json')));
    expect(result.status).toBe(200);
    expect(() => JSON.parse(result.body)).toThrow();
    expect(result.body.startsWith('{"data":[')).toBe(true);
    expect(responseVerifies(result, publicKey())).toBe(true);
  });

  it('bad_signature, signtest and foreign_key do not verify; foreign_key keeps the right serial', async () => {
    for (const fault of ['bad_signature', 'signtest', 'foreign_key']) {
      const result = await call(sandbox, itemsUrl(scenario(fault)));
      expect(result.status).toBe(200);
      expect(responseVerifies(result, publicKey()), fault).toBe(false);
      expect(result.headers['wechatpay-serial']).toBe(sandbox.credentials.publicKeyId);
    }
    const probe = await call(sandbox, itemsUrl(scenario('signtest')));
    expect(probe.headers['wechatpay-signature']).toMatch(/^WECHATPAY\/SIGNTEST\//);
  });

  it('unknown_serial signs validly under a serial the merchant does not know', async () => {
    const result = await call(sandbox, itemsUrl(scenario('unknown_serial')));
    expect(result.headers['wechatpay-serial']).toMatch(/^PUB_KEY_ID_\d+$/);
    expect(result.headers['wechatpay-serial']).not.toBe(sandbox.credentials.publicKeyId);
    expect(responseVerifies(result, publicKey())).toBe(true);
  });

  it('stale_timestamp is signed validly but more than 300 s old', async () => {
    const result = await call(sandbox, itemsUrl(scenario('stale_timestamp')));
    expect(responseVerifies(result, publicKey())).toBe(true);
    const age = Date.now() / 1000 - Number(result.headers['wechatpay-timestamp']);
    expect(age).toBeGreaterThan(300);
  });

  it('missing_headers sends a 200 without the Wechatpay-* headers', async () => {
    const result = await call(sandbox, itemsUrl(scenario('missing_headers')));
    expect(result.status).toBe(200);
    expect(Object.keys(result.headers).filter((h) => h.startsWith('wechatpay-'))).toEqual([]);
  });

  it('wrong_shape, total_mismatch and duplicate_codes are signed but wrong', async () => {
    const shape = await call(sandbox, itemsUrl(scenario('wrong_shape')));
    expect(responseVerifies(shape, publicKey())).toBe(true);
    expect(typeof json(shape).total_count).toBe('string');
    expect(typeof json(shape).data).toBe('string');
    const total = json(await call(sandbox, itemsUrl(scenario('total_mismatch'))));
    expect(Number(total.total_count)).toBeLessThan((total.data as string[]).length);
    const page = json(await call(sandbox, itemsUrl(scenario('duplicate_codes')))).data as string[];
    expect(new Set(page).size).toBeLessThan(page.length);
  });

  it('replayed_offset sends the genuine page of another offset, validly signed', async () => {
    const id = scenario('replayed_offset');
    const first = await call(sandbox, itemsUrl(id, { offset: 0, limit: 10 }));
    expect(responseVerifies(first, publicKey())).toBe(true);
    expect(json(first)).toMatchObject({ stock_id: id, offset: 1, limit: 10, total_count: 20 });
    // At the last page, the one before it.
    const last = json(await call(sandbox, itemsUrl(id, { offset: 1, limit: 10 })));
    expect(last).toMatchObject({ stock_id: id, offset: 0, limit: 10 });
    expect(last.data).not.toEqual(json(first).data);
    // A stock of a single page has no other page to replay: the answer is honest.
    expect(json(await call(sandbox, itemsUrl(id, { limit: 100 })))).toMatchObject({ offset: 0 });
  });

  it('replayed_stock sends the genuine page of another stock, validly signed', async () => {
    const id = scenario('replayed_stock');
    const result = await call(sandbox, itemsUrl(id, { offset: 2, limit: 7 }));
    expect(responseVerifies(result, publicKey())).toBe(true);
    expect(json(result)).toMatchObject({ stock_id: '16000006', offset: 2, limit: 7 });
    expect(json(result).data).toHaveLength(7);
  });

  it('slow answers correctly, but after more than 3 s', async () => {
    const started = Date.now();
    const result = await call(sandbox, itemsUrl(scenario('slow')));
    expect(Date.now() - started).toBeGreaterThan(3000);
    expect(result.status).toBe(200);
    expect(responseVerifies(result, publicKey())).toBe(true);
  });

  it('scenario stocks behave like ordinary stocks on stock details (bar the fault)', async () => {
    const result = await call(sandbox, stockUrl(scenario('bad_signature')));
    expect(json(result)).toMatchObject({ stock_id: scenario('bad_signature'), singleitem: true });
    expect(responseVerifies(result, publicKey())).toBe(false);
  });
});
