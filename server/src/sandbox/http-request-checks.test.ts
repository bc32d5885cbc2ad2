import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizationFor,
  call,
  itemsUrl,
  json,
  startTestSandbox,
} from '../../test/support/sandbox-http';
import type { RunningSandbox } from './server';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const url = itemsUrl('16000003');
const signError = (body: Record<string, unknown>) =>
  body as { code: string; message: string; detail: { sign_information: Record<string, unknown> } };

describe('request checks', () => {
  it('answers a correctly signed request', async () => {
    const result = await call(sandbox, url);
    expect(result.status).toBe(200);
  });

  it.each(['Accept', 'User-Agent'])('answers 400 INVALID_REQUEST without %s', async (header) => {
    const result = await call(sandbox, url, { headers: { [header]: undefined } });
    expect(result.status).toBe(400);
    expect(json(result)).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Http头缺少Accept或User-Agent',
    });
  });

  it('answers 401 SIGN_ERROR with sign_information without Authorization', async () => {
    const result = await call(sandbox, url, { headers: { Authorization: undefined } });
    expect(result.status).toBe(401);
    const body = signError(json(result));
    expect(body.code).toBe('SIGN_ERROR');
    expect(body.message).toMatch(/^Http头Authorization值格式错误/);
    expect(body.detail.sign_information).toMatchObject({ method: 'GET', url });
  });

  it('answers 401 for a scheme other than WECHATPAY2-SHA256-RSA2048', async () => {
    const auth = authorizationFor(sandbox, url).replace(
      'WECHATPAY2-SHA256-RSA2048',
      'WECHATPAY2-SHA256-RSA4096',
    );
    const result = await call(sandbox, url, { headers: { Authorization: auth } });
    expect(result.status).toBe(401);
    expect(json(result).message).toBe('Http头Authorization认证类型不正确');
  });

  it.each([
    ['mchid', { mchid: '1900000110' }],
    ['serial_no', { serialNo: '0000000000000000000000000000000000000000' }],
  ])('answers 401 for a wrong %s', async (field, options) => {
    const result = await call(sandbox, url, options);
    expect(result.status).toBe(401);
    expect(json(result)).toMatchObject({
      code: 'SIGN_ERROR',
      message: '商户证书序列号有误。',
      detail: { field },
    });
  });

  it('answers 401 with the sign message it verified for a signature by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const result = await call(sandbox, url, {
      privateKeyPem: other.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    expect(result.status).toBe(401);
    const body = signError(json(result));
    expect(body.message).toBe('错误的签名，验签失败');
    const info = body.detail.sign_information;
    expect(info.method).toBe('GET');
    expect(info.url).toBe(url);
    expect(info.truncated_sign_message).toMatch(
      new RegExp(`^GET\\n${url.replace(/[?]/g, '\\?')}\\n\\d{10}\\n[0-9A-F]{32}\\n\\n$`),
    );
    expect(info.sign_message_length).toBe(Buffer.byteLength(String(info.truncated_sign_message)));
  });

  it('verifies over the request-target exactly as sent (a re-encoded query fails)', async () => {
    const sent =
      '/v3/marketing/favor/stocks/16000003/items?offset=0&limit=10&stock_creator_mchid=1900000109';
    const reordered =
      '/v3/marketing/favor/stocks/16000003/items?limit=10&offset=0&stock_creator_mchid=1900000109';
    expect((await call(sandbox, sent)).status).toBe(200);
    expect((await call(sandbox, sent, { signedUrl: reordered })).status).toBe(401);
  });

  it('accepts a timestamp up to 5 minutes off and refuses one further away', async () => {
    expect((await call(sandbox, url, { timestampOffsetSeconds: -290 })).status).toBe(200);
    expect((await call(sandbox, url, { timestampOffsetSeconds: 290 })).status).toBe(200);
    for (const offset of [-310, 310]) {
      const result = await call(sandbox, url, { timestampOffsetSeconds: offset });
      expect(result.status).toBe(401);
      expect(json(result)).toMatchObject({
        code: 'SIGN_ERROR',
        message: 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟',
      });
    }
  });

  it('answers 404 for paths and methods it does not serve', async () => {
    const result = await call(sandbox, '/v3/marketing/favor/stocks');
    expect(result.status).toBe(404);
    expect(json(result).code).toBe('NOT_FOUND');
  });

  it('puts a unique Request-ID on every answer, errors included, and counts every arrival', async () => {
    sandbox.stats.reset();
    const results = await Promise.all([
      call(sandbox, url),
      call(sandbox, url, { headers: { Accept: undefined } }),
      call(sandbox, url, { headers: { Authorization: 'nonsense' } }),
    ]);
    const ids = results.map((r) => r.headers['request-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{44}-\d+$/);
    expect(new Set(ids).size).toBe(3);
    expect(sandbox.stats.calls()).toBe(3);
    expect(sandbox.stats.calls({ status: 401 })).toBe(1);
    expect(sandbox.stats.calls({ status: 400, stockId: '16000003' })).toBe(1);
    expect(
      sandbox.stats
        .log()
        .map((e) => e.requestId)
        .sort(),
    ).toEqual([...ids].sort());
  });
});
