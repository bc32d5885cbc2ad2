import { generateKeyPair, type KeyObject, randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import { SANDBOX_MCHID } from './constants';
import { createPlatformCertificate } from './platform-cert';

const generateRsa = promisify(generateKeyPair);
const DAY_MS = 86_400_000;

/** Everything secret or public the sandbox holds; the merchant side is handed to its caller. */
export interface SandboxKeys {
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKey: KeyObject;
  merchantPublicKey: KeyObject;
  /** 微信支付公钥 (public-key mode): its id, and the pair the sandbox signs responses with. */
  publicKeyId: string;
  wechatpayPublicKey: KeyObject;
  wechatpayPrivateKey: KeyObject;
  /** 微信支付平台证书 (certificate mode): a different key pair from the public-key mode one. */
  platformSerialNo: string;
  platformCertificatePem: string;
  platformPrivateKey: KeyObject;
  apiv3Key: string;
}

async function rsaPair(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return generateRsa('rsa', { modulusLength: 2048 });
}

/** 40 upper-case hex digits whose first is non-zero, so the DER INTEGER keeps all 40. */
export function randomSerialNo(): string {
  const bytes = randomBytes(20);
  bytes[0] = 0x10 + ((bytes[0] ?? 0) % 0x70);
  return bytes.toString('hex').toUpperCase();
}

const randomDigits = (count: number): string =>
  Array.from({ length: count }, () => String(randomInt(10))).join('');

/** 32 printable characters: the APIv3 key is used as the raw AES-256 key bytes. */
function randomApiv3Key(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

async function generate(): Promise<SandboxKeys> {
  const [merchant, wechatpay, platform] = await Promise.all([rsaPair(), rsaPair(), rsaPair()]);
  const platformSerialNo = randomSerialNo();
  const now = Date.now();
  return {
    mchid: SANDBOX_MCHID,
    merchantSerialNo: randomSerialNo(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    publicKeyId: `PUB_KEY_ID_01${SANDBOX_MCHID}${randomDigits(16)}`,
    wechatpayPublicKey: wechatpay.publicKey,
    wechatpayPrivateKey: wechatpay.privateKey,
    platformSerialNo,
    platformCertificatePem: createPlatformCertificate({
      serialNo: platformSerialNo,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 5 * 365 * DAY_MS),
      ...platform,
    }),
    platformPrivateKey: platform.privateKey,
    apiv3Key: randomApiv3Key(),
  };
}

// Key generation costs 100-300 ms; tests start many sandboxes, so one set serves the process.
let memo: Promise<SandboxKeys> | undefined;
let foreignMemo: Promise<KeyObject> | undefined;

/** The process-wide generated key set (generated on first use). */
export function generatedSandboxKeys(): Promise<SandboxKeys> {
  memo ??= generate().catch((error: unknown) => {
    memo = undefined;
    throw error;
  });
  return memo;
}

/** A key nobody trusts, for the 'foreign_key' fault (right serial, wrong key). */
export function foreignPrivateKey(): Promise<KeyObject> {
  foreignMemo ??= rsaPair().then((pair) => pair.privateKey);
  return foreignMemo;
}
