import { type KeyObject, randomBytes, randomInt } from 'node:crypto';
import { SIGNATURE_TYPE, type SigningMode } from './constants';
import { type FaultKind, STALE_TIMESTAMP_SECONDS } from './fault-kinds';
import type { SandboxKeys } from './keys';
import { randomSerialNo } from './keys';
import { responseMessage, signSha256Rsa } from './signing';

/** How one response's signature headers are made; honest unless a fault says otherwise. */
export interface SignPlan {
  omit: boolean;
  key: 'own' | 'foreign';
  serial: 'own' | 'unknown';
  timestampShiftSeconds: number;
  tamper: 'none' | 'other_message' | 'signtest';
}

const HONEST: SignPlan = {
  omit: false,
  key: 'own',
  serial: 'own',
  timestampShiftSeconds: 0,
  tamper: 'none',
};

export function signPlanFor(fault: FaultKind | undefined): SignPlan {
  switch (fault) {
    case 'missing_headers':
      return { ...HONEST, omit: true };
    case 'foreign_key':
      return { ...HONEST, key: 'foreign' };
    case 'unknown_serial':
      return { ...HONEST, serial: 'unknown' };
    case 'stale_timestamp':
      return { ...HONEST, timestampShiftSeconds: -STALE_TIMESTAMP_SECONDS };
    case 'bad_signature':
      return { ...HONEST, tamper: 'other_message' };
    case 'signtest':
      return { ...HONEST, tamper: 'signtest' };
    default:
      return HONEST;
  }
}

export interface SigningContext {
  mode: SigningMode;
  keys: SandboxKeys;
  /** Needed only for the 'foreign_key' fault. */
  foreignKey?: KeyObject | undefined;
  nowMs: number;
}

/**
 * The response headers of APIv3 应答签名: Wechatpay-Timestamp, -Nonce, -Signature (SHA256withRSA
 * over `TIMESTAMP\nNONCE\nBODY\n`), -Serial (the PUB_KEY_ID_… or the platform certificate's
 * serial, by mode) and -Signature-Type.
 */
export function signatureHeaders(
  body: string,
  plan: SignPlan,
  context: SigningContext,
): Record<string, string> {
  if (plan.omit) return {};
  const { keys, mode } = context;
  const publicKeyMode = mode === 'public_key';
  const ownKey = publicKeyMode ? keys.wechatpayPrivateKey : keys.platformPrivateKey;
  const ownSerial = publicKeyMode ? keys.publicKeyId : keys.platformSerialNo;
  const unknownSerial = publicKeyMode ? `PUB_KEY_ID_0199${randomInt(1e9, 1e10)}` : randomSerialNo();
  const timestamp = String(Math.floor(context.nowMs / 1000) + plan.timestampShiftSeconds);
  const nonce = randomBytes(16).toString('hex').toUpperCase();
  const key = plan.key === 'own' ? ownKey : context.foreignKey;
  if (!key) throw new Error('the foreign_key fault needs a foreign key');
  const signedBody = plan.tamper === 'other_message' ? `${body} ` : body;
  const signature =
    plan.tamper === 'signtest'
      ? `WECHATPAY/SIGNTEST/${randomBytes(256).toString('base64')}`
      : signSha256Rsa(responseMessage(timestamp, nonce, signedBody), key);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': plan.serial === 'own' ? ownSerial : unknownSerial,
    'Wechatpay-Signature-Type': SIGNATURE_TYPE,
  };
}
