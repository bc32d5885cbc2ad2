import { createVerify } from 'node:crypto';
import type { Clock } from '../../src/lib/clock';
import type { WechatPayClientOptions } from '../../src/wechatpay/client';
import { type RecordedRequest, rsaKeyPair } from './fake-upstream';

// Test-only fixtures shared by the client, transport and pagination tests.
export const MCHID = '1900009191';
export const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD01234567';
export const PUB_KEY_ID = 'PUB_KEY_ID_0119000091912025000000000000000001';
export const merchant = rsaKeyPair();
export const platform = rsaKeyPair();
export const platformSigner = { serial: PUB_KEY_ID, privateKey: platform.privateKey };

/** A clock whose time the test sets; sleeps are recorded and return at once. */
export function steppedClock(start = Date.now()) {
  const sleeps: number[] = [];
  const state = { now: start };
  const clock: Clock = {
    now: () => state.now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
    },
  };
  return { clock, sleeps, state };
}

export function clientOptions(
  baseUrl: string,
  overrides: Partial<WechatPayClientOptions> = {},
): WechatPayClientOptions {
  return {
    mchid: MCHID,
    merchantSerialNo: MERCHANT_SERIAL,
    merchantPrivateKey: merchant.privateKey,
    publicKey: { id: PUB_KEY_ID, key: platform.publicKey },
    baseUrl,
    userAgent: 'coupon-coverage-console/0.1.0 (node) test',
    timeoutMs: 2_000,
    backoffBaseMs: 1,
    ...overrides,
  };
}

export const itemsBody = (data: string[] | null, extra: Record<string, unknown> = {}) => ({
  total_count: data?.length ?? 0,
  data,
  offset: 0,
  limit: 10,
  stock_id: '9865000',
  ...extra,
});

/**
 * Checks a recorded request's Authorization the way WeChat Pay would, with code written
 * independently of sign.ts: parse the five fields, rebuild the message, verify RSA-SHA256.
 */
export function checkAuthorization(request: RecordedRequest) {
  const header = String(request.headers.authorization ?? '');
  const [scheme, rest = ''] = header.split(' ', 2);
  const fields = Object.fromEntries(
    [...rest.matchAll(/(\w+)="([^"]*)"/g)].map(([, key = '', value = '']) => [key, value]),
  );
  const message = `${request.method}\n${request.url}\n${fields.timestamp}\n${fields.nonce_str}\n\n`;
  const verified = createVerify('RSA-SHA256')
    .update(message)
    .verify(merchant.publicKey, fields.signature ?? '', 'base64');
  return { scheme, fields, verified };
}
