// Mean cost of the client's per-call crypto, with the client's own functions:
//   npx tsx bench/measure-crypto.ts [iterations]
// Sign: build the five-line message, RSA-2048 SHA256withRSA, build the Authorization header.
// Verify: verifyResponse on a signed 100-code items page (headers, ±300 s window, RSA verify).
// Keys are generated here and never printed.
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  buildAuthorization,
  buildRequestMessage,
  generateNonce,
  signMessage,
} from '../src/wechatpay/sign';
import { buildResponseMessage, verifyResponse } from '../src/wechatpay/verify';

const iterations = Number(process.argv[2] ?? 2_000);
const WARM_UP = 100;
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const merchant = rsa();
const platform = rsa();
const SERIAL = 'PUB_KEY_ID_0119000001090000000000000000';
const URL_SENT =
  '/v3/marketing/favor/stocks/16000005/items?offset=7&limit=100&stock_creator_mchid=1900000109';

function signOnce(): string {
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = generateNonce();
  const message = buildRequestMessage({ method: 'GET', canonicalUrl: URL_SENT, timestamp, nonce });
  const signature = signMessage(message, merchant.privateKey);
  return buildAuthorization({ mchid: '1900000109', serialNo: SERIAL, nonce, timestamp, signature });
}

// A realistic answer: a full page of 13-digit codes, signed as WeChat Pay signs it.
const codes = Array.from({ length: 100 }, (_, i) => String(6_900_000_000_000 + i * 7919));
const body = Buffer.from(
  JSON.stringify({ data: codes, limit: 100, offset: 7, stock_id: '16000005', total_count: 5_000 }),
);
const timestamp = String(Math.floor(Date.now() / 1000));
const nonce = randomBytes(16).toString('hex').toUpperCase();
const headers = new Headers({
  'Wechatpay-Timestamp': timestamp,
  'Wechatpay-Nonce': nonce,
  'Wechatpay-Serial': SERIAL,
  'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  'Wechatpay-Signature': createSign('RSA-SHA256')
    .update(buildResponseMessage(timestamp, nonce, body))
    .sign(platform.privateKey, 'base64'),
});
const resolveKey = (serial: string) => (serial === SERIAL ? platform.publicKey : undefined);

function verifyOnce(): boolean {
  return verifyResponse({ headers, body, nowMs: Date.now(), resolveKey }).ok;
}

/** Mean microseconds per run of `work`, after a warm-up that is not counted. */
function meanMicros(work: () => unknown): number {
  for (let i = 0; i < WARM_UP; i += 1) work();
  const started = performance.now();
  for (let i = 0; i < iterations; i += 1) work();
  return ((performance.now() - started) * 1_000) / iterations;
}

if (!verifyOnce()) throw new Error('the sample response does not verify: the measure is void');
const sign = meanMicros(signOnce);
const verify = meanMicros(verifyOnce);
console.log(`iterations: ${iterations} (RSA-2048, node ${process.version})`);
console.log(`sign per call:   ${sign.toFixed(1)} µs`);
console.log(`verify per call: ${verify.toFixed(1)} µs`);
