import { createSign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsaKeyPair } from '../../test/support/fake-upstream';
import { verifyResponse } from './verify';

const platform = rsaKeyPair();
const stranger = rsaKeyPair();
const SERIAL = 'PUB_KEY_ID_0112345678';
const NOW_MS = 1_700_000_000_500;
const NOW_S = Math.floor(NOW_MS / 1000);
const BODY = Buffer.from(
  '{"total_count":1,"data":["商品-1"],"offset":0,"limit":10,"stock_id":"1"}',
);

// Independent of verify.ts on purpose: the message is written out here by hand.
function signed(
  options: { body?: Buffer; timestamp?: number; key?: KeyObject; serial?: string } = {},
) {
  const { body = BODY, timestamp = NOW_S, key = platform.privateKey, serial = SERIAL } = options;
  const nonce = 'D3A6E0B5C1F2';
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), body, Buffer.from('\n')]);
  const signature = createSign('RSA-SHA256').update(message).sign(key, 'base64');
  return new Headers({
    'Wechatpay-Timestamp': String(timestamp),
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': serial,
  });
}

const resolveKey = (serial: string) => (serial === SERIAL ? platform.publicKey : undefined);
const check = (headers: Headers, body: Buffer = BODY, nowMs = NOW_MS) =>
  verifyResponse({ headers, body, nowMs, resolveKey });
const kindOf = (outcome: ReturnType<typeof check>) => (outcome.ok ? 'ok' : outcome.failure.kind);

describe('response verification', () => {
  it('accepts a correctly signed response over the raw UTF-8 bytes', () => {
    expect(check(signed())).toEqual({ ok: true, serial: SERIAL });
  });

  it('accepts an empty body signed as TIMESTAMP\\nNONCE\\n\\n', () => {
    const empty = Buffer.alloc(0);
    expect(kindOf(check(signed({ body: empty }), empty))).toBe('ok');
  });

  it.each(['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial'])(
    'refuses a 2xx without %s as response_unsigned',
    (name) => {
      const headers = signed();
      headers.delete(name);
      const outcome = check(headers);
      expect(kindOf(outcome)).toBe('response_unsigned');
      expect(outcome.ok ? '' : outcome.failure.message).toContain(name.slice(10).toLowerCase());
    },
  );

  it('accepts ±300 s of clock skew and refuses ±301 s as stale_timestamp', () => {
    expect(kindOf(check(signed({ timestamp: NOW_S + 300 })))).toBe('ok');
    expect(kindOf(check(signed({ timestamp: NOW_S - 300 })))).toBe('ok');
    expect(kindOf(check(signed({ timestamp: NOW_S + 301 })))).toBe('stale_timestamp');
    expect(kindOf(check(signed({ timestamp: NOW_S - 301 })))).toBe('stale_timestamp');
  });

  it('refuses a serial it does not trust as unknown_serial', () => {
    const outcome = check(signed({ serial: 'PUB_KEY_ID_0199999999' }));
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'unknown_serial' },
      serial: 'PUB_KEY_ID_0199999999',
    });
  });

  it('refuses a body whose bytes changed after signing as bad_signature', () => {
    const flipped = Buffer.from(BODY);
    flipped[20] = (flipped[20] ?? 0) ^ 0x01;
    expect(kindOf(check(signed(), flipped))).toBe('bad_signature');
  });

  it('refuses a re-serialised body (the raw bytes are what is signed)', () => {
    const pretty = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1));
    expect(kindOf(check(signed(), pretty))).toBe('bad_signature');
  });

  it('fails WECHATPAY/SIGNTEST/ probes as bad_signature', () => {
    const headers = signed();
    headers.set('Wechatpay-Signature', 'WECHATPAY/SIGNTEST/dGVzdA==');
    const outcome = check(headers);
    expect(kindOf(outcome)).toBe('bad_signature');
    expect(outcome.ok ? '' : outcome.failure.message).toContain('SIGNTEST');
  });

  it('refuses a signature made with another key as bad_signature', () => {
    expect(kindOf(check(signed({ key: stranger.privateKey })))).toBe('bad_signature');
  });

  it('refuses garbage signatures and unknown signature types as bad_signature', () => {
    const garbage = signed();
    garbage.set('Wechatpay-Signature', 'not base64 at all!');
    expect(kindOf(check(garbage))).toBe('bad_signature');
    const otherType = signed();
    otherType.set('Wechatpay-Signature-Type', 'WECHATPAY2-SM2-WITH-SM3');
    expect(kindOf(check(otherType))).toBe('bad_signature');
  });

  it('refuses a timestamp that is not whole seconds', () => {
    const headers = signed();
    headers.set('Wechatpay-Timestamp', '1700000000.5');
    expect(kindOf(check(headers))).toBe('stale_timestamp');
  });
});
