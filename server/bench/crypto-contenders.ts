// Row 3's contenders: the same per-call crypto (sign one GET, verify one signed 100-code page)
// done by our client's functions, two Node SDKs and bare node:crypto, on the same keys/messages.
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { Decorator, Formatter } from 'wechatpay-axios-plugin';
import WxPay from 'wechatpay-node-v3';
import {
  buildAuthorization,
  buildRequestMessage,
  generateNonce,
  signMessage,
} from '../src/wechatpay/sign';
import { buildResponseMessage, verifyResponse } from '../src/wechatpay/verify';

const MCHID = '1900000109';
const SERIAL = 'PUB_KEY_ID_0119000001090000000000000000';
const PATH =
  '/v3/marketing/favor/stocks/16000005/items?offset=7&limit=100&stock_creator_mchid=1900000109';
const BASE = 'https://api.mch.weixin.qq.com';

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const merchant = rsa();
const platform = rsa();
const merchantPem = String(merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
const platformPem = String(platform.publicKey.export({ type: 'spki', format: 'pem' }));

// One signed answer, as WeChat Pay signs it, checked by every contender.
const codes = Array.from({ length: 100 }, (_, i) => String(6_900_000_000_000 + i * 7919));
const body = Buffer.from(
  JSON.stringify({ data: codes, limit: 100, offset: 7, stock_id: '16000005', total_count: 5_000 }),
);
const bodyText = body.toString('utf8');
const stamp = String(Math.floor(Date.now() / 1000));
const nonce = randomBytes(16).toString('hex').toUpperCase();
const signature = createSign('RSA-SHA256')
  .update(buildResponseMessage(stamp, nonce, body))
  .sign(platform.privateKey, 'base64');
const headerRecord = {
  'Wechatpay-Timestamp': stamp,
  'Wechatpay-Nonce': nonce,
  'Wechatpay-Serial': SERIAL,
  'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  'Wechatpay-Signature': signature,
};
const headers = new Headers(headerRecord);

/** Ours: exactly what transport.ts and responses.ts run per call. */
function ours(): boolean {
  const timestamp = Math.floor(Date.now() / 1000);
  const n = generateNonce();
  const message = buildRequestMessage({ method: 'GET', canonicalUrl: PATH, timestamp, nonce: n });
  const sig = signMessage(message, merchant.privateKey);
  buildAuthorization({ mchid: MCHID, serialNo: SERIAL, nonce: n, timestamp, signature: sig });
  const resolveKey = (serial: string) => (serial === SERIAL ? platform.publicKey : undefined);
  return verifyResponse({ headers, body, nowMs: Date.now(), resolveKey }).ok;
}

/** The floor: one RSA-SHA256 sign and one verify with pre-parsed keys, nothing else. */
function floor(): boolean {
  const message = `GET\n${PATH}\n${stamp}\n${nonce}\n\n`;
  createSign('RSA-SHA256').update(message).sign(merchant.privateKey, 'base64');
  return createVerify('RSA-SHA256')
    .update(`${stamp}\n${nonce}\n${bodyText}\n`)
    .verify(platform.publicKey, signature, 'base64');
}

// wechatpay-node-v3 keeps PEM buffers (parsed again on every call) and a static key map.
const nodeV3 = new WxPay({
  appid: 'wx0000000000000000',
  mchid: MCHID,
  serial_no: SERIAL,
  publicKey: Buffer.from(platformPem),
  privateKey: Buffer.from(merchantPem),
});
(WxPay as unknown as { certificates: Record<string, string> }).certificates[SERIAL] = platformPem;

async function wechatpayNodeV3(): Promise<boolean> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const n = generateNonce();
  const sig = nodeV3.getSignature('GET', n, timestamp, PATH);
  nodeV3.getAuthorization(n, timestamp, sig);
  return nodeV3.verifySign({ timestamp: stamp, nonce, body: bodyText, serial: SERIAL, signature });
}

// wechatpay-axios-plugin: its own request signer and response verifier, as axios calls them.
type AxiosLikeConfig = Record<string, unknown>;
const signer = Decorator.requestInterceptor() as (config: AxiosLikeConfig) => AxiosLikeConfig;
const verifier = Decorator.responseVerifier({ [SERIAL]: platform.publicKey }) as (
  this: AxiosLikeConfig,
  data: string,
  headers: Record<string, string>,
  status: number,
) => unknown;
const responseConfig = { url: PATH, validateStatus: (s: number) => s >= 200 && s < 300 };

function wechatpayAxiosPlugin(): boolean {
  signer({
    method: 'get',
    url: PATH,
    baseURL: BASE,
    mchid: MCHID,
    serial: SERIAL,
    privateKey: merchant.privateKey,
    headers: {},
  });
  return verifier.call(responseConfig, bodyText, headerRecord, 200) === bodyText;
}

export type Contender = { name: string; run: () => boolean | Promise<boolean> };

export const contenders: Contender[] = [
  { name: 'floor', run: floor },
  { name: 'ours', run: ours },
  { name: 'wechatpay-node-v3', run: wechatpayNodeV3 },
  { name: 'wechatpay-axios-plugin', run: wechatpayAxiosPlugin },
];

/** Formatter is referenced so a missing or renamed SDK export fails at load, not mid-run. */
export const axiosPluginLoaded = typeof Formatter.authorization === 'function';
