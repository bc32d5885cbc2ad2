import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { explainWechatPayError } from '../../src/explanations/find-explanation';
import { type Clock, systemClock } from '../../src/lib/clock';
import type { RunningSandbox } from '../../src/sandbox/sandbox';
import { clientFor, itemsQuery, startIntegrationSandbox } from '../support/wiring';

const STOCK = '16000003';
const ITEMS_URL = `/v3/marketing/favor/stocks/${STOCK}/items?offset=0&limit=10&stock_creator_mchid=1900000109`;
const SIX_MINUTES_MS = 6 * 60_000;
const signInformationSchema = z.object({
  sign_information: z.object({
    truncated_sign_message: z.string(),
    sign_message_length: z.number(),
  }),
});

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startIntegrationSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const offsetClock = (offsetMs: number): Clock => ({
  now: () => Date.now() + offsetMs,
  sleep: systemClock.sleep,
});

/** One items call that WeChat Pay must refuse with 401 SIGN_ERROR, never retried. */
async function expectSignError(setup: Parameters<typeof clientFor>[1], message: string) {
  const before = sandbox.stats.calls({ stockId: STOCK, status: 401 });
  const result = await clientFor(sandbox, setup).listAvailableItems(itemsQuery(STOCK, 0, 10));
  expect(result).toMatchObject({
    ok: false,
    attempts: 1,
    error: {
      kind: 'upstream_rejected',
      status: 401,
      retryable: false,
      upstream: { code: 'SIGN_ERROR', message },
    },
  });
  expect(sandbox.stats.calls({ stockId: STOCK, status: 401 }) - before).toBe(1);
  if (result.ok) throw new Error('expected a SIGN_ERROR');
  expect(result.error.requestId).toMatch(/\S/);
  expect(explainWechatPayError(result.error).id).toBe('upstream.SIGN_ERROR');
  return result.error;
}

describe('request signing as the sandbox checks it', () => {
  it('a request signed with another merchant key gets SIGN_ERROR with sign_information', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const error = await expectSignError({ merchantPrivateKey: privateKey }, '错误的签名，验签失败');
    // What WeChat Pay verified, echoed for debugging: the exact request-target we sent.
    expect(error.upstream?.detail).toMatchObject({
      field: 'signature',
      sign_information: { method: 'GET', url: ITEMS_URL },
    });
    const info = signInformationSchema.parse(error.upstream?.detail).sign_information;
    const [method, url, timestamp, nonce, body, end] = info.truncated_sign_message.split('\n');
    expect({ method, url, body, end }).toEqual({
      method: 'GET',
      url: ITEMS_URL,
      body: '',
      end: '',
    });
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(nonce).toMatch(/^[0-9A-F]{32}$/);
    // A GET has no body to cut: the whole message is echoed, so the lengths agree.
    expect(info.sign_message_length).toBe(Buffer.byteLength(info.truncated_sign_message));
  });

  it.each([SIX_MINUTES_MS, -SIX_MINUTES_MS])(
    'a client clock %i ms off gets SIGN_ERROR',
    async (offset) => {
      const error = await expectSignError(
        { clock: offsetClock(offset) },
        'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟',
      );
      expect(error.upstream?.detail).toMatchObject({ field: 'timestamp' });
    },
  );

  it('a clock 4 minutes off is still inside the window (both directions are checked)', async () => {
    const client = clientFor(sandbox, { clock: offsetClock(4 * 60_000) });
    expect(await client.listAvailableItems(itemsQuery(STOCK))).toMatchObject({ ok: true });
  });

  it('a wrong merchant certificate serial gets SIGN_ERROR naming serial_no', async () => {
    const error = await expectSignError(
      { merchantSerialNo: '1234567890ABCDEF1234567890ABCDEF12345678' },
      '商户证书序列号有误。',
    );
    expect(error.upstream?.detail).toMatchObject({ field: 'serial_no' });
  });

  it('signs the encoded path it sends: a stock id that needs escaping is still verified', async () => {
    const result = await clientFor(sandbox).listAvailableItems(itemsQuery('不存在 的/批次', 0, 10));
    // Past the signature check: WeChat Pay's own 404 for an unknown stock, not a SIGN_ERROR.
    expect(result).toMatchObject({
      ok: false,
      error: { status: 404, upstream: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' } },
    });
  });
});
