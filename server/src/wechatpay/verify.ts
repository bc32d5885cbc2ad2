import { createVerify, type KeyObject } from 'node:crypto';
import type { LocalFailure } from './errors';

/** WeChat Pay's clock may differ from ours by at most this much (both directions). */
export const MAX_CLOCK_SKEW_SECONDS = 300;
const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';
const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';

export type VerifyInput = {
  headers: Headers;
  /** The body bytes exactly as received: never re-serialised JSON. */
  body: Uint8Array;
  nowMs: number;
  /** The verification key for a serial (public-key id or platform certificate serial). */
  resolveKey: (serial: string) => KeyObject | undefined;
};

export type VerifyOutcome =
  | { ok: true; serial: string }
  | { ok: false; failure: LocalFailure; serial?: string };

/** Rule (API v3 response signature): the message is `TIMESTAMP\nNONCE\nRAW_BODY\n`. */
export function buildResponseMessage(timestamp: string, nonce: string, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), body, Buffer.from('\n')]);
}

const fail =
  (kind: 'response_unsigned' | 'bad_signature' | 'unknown_serial' | 'stale_timestamp') =>
  (message: string, serial?: string): VerifyOutcome => ({
    ok: false,
    failure: { kind, message },
    serial,
  });

/**
 * Rule (API v3 response verification, every 2xx): the four Wechatpay-* headers are present,
 * the timestamp is within ±300 s of our clock, the serial names a key we trust, and RSA-SHA256
 * over the raw body verifies. `WECHATPAY/SIGNTEST/` probes fail like any bad signature.
 */
export function verifyResponse(input: VerifyInput): VerifyOutcome {
  const { headers, body, nowMs, resolveKey } = input;
  const timestamp = headers.get('wechatpay-timestamp');
  const nonce = headers.get('wechatpay-nonce');
  const signature = headers.get('wechatpay-signature');
  const serial = headers.get('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) {
    const missing = { timestamp, nonce, signature, serial };
    const names = Object.entries(missing)
      .filter(([, value]) => !value)
      .map(([name]) => name);
    return fail('response_unsigned')(`missing Wechatpay-* header(s): ${names.join(', ')}`);
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return fail('stale_timestamp')('Wechatpay-Timestamp is not whole seconds', serial);
  }
  const skew = Number(timestamp) - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    return fail('stale_timestamp')(`Wechatpay-Timestamp is ${skew} s from our clock`, serial);
  }
  const key = resolveKey(serial);
  if (!key) return fail('unknown_serial')(`no trusted key for serial ${serial}`, serial);
  const type = headers.get('wechatpay-signature-type');
  if (type && type !== SIGNATURE_TYPE) {
    return fail('bad_signature')(`unsupported Wechatpay-Signature-Type ${type}`, serial);
  }
  if (signature.startsWith(SIGNTEST_PREFIX)) {
    return fail('bad_signature')('signature is a WECHATPAY/SIGNTEST/ probe', serial);
  }
  let valid = false;
  try {
    const message = buildResponseMessage(timestamp, nonce, body);
    valid = createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64');
  } catch {
    valid = false;
  }
  return valid ? { ok: true, serial } : fail('bad_signature')('signature does not verify', serial);
}
