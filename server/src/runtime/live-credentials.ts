import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Env } from '../config/env';
import { ConfigError } from '../config/env';

export interface WechatPayCredentials {
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKey: KeyObject;
  publicKey?: { id: string; key: KeyObject };
  apiv3Key?: string;
}

/** A private key others can read is a key others may already have: refuse it. */
function assertPrivate(file: string, variable: string): void {
  const mode = statSync(file).mode;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `${variable}: ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}). ` +
        `Fix it with: chmod 600 ${file}`,
    );
  }
}

function readKeyFile(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(`${variable}: cannot read ${file} (${reason})`);
  }
}

/** Reads the live merchant's keys named by the environment. Messages never include key text. */
export function loadLiveCredentials(env: Env): WechatPayCredentials {
  const { WECHATPAY_MCHID: mchid, WECHATPAY_MERCHANT_SERIAL_NO: serial } = env;
  const privateFile = env.WECHATPAY_PRIVATE_KEY_FILE;
  if (!mchid || !serial || !privateFile) throw new ConfigError('live credentials are incomplete');
  assertPrivate(privateFile, 'WECHATPAY_PRIVATE_KEY_FILE');
  let merchantPrivateKey: KeyObject;
  try {
    merchantPrivateKey = createPrivateKey(readKeyFile(privateFile, 'WECHATPAY_PRIVATE_KEY_FILE'));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('WECHATPAY_PRIVATE_KEY_FILE: not a PEM private key (apiclient_key.pem)');
  }
  const credentials: WechatPayCredentials = { mchid, merchantSerialNo: serial, merchantPrivateKey };
  if (env.WECHATPAY_PUBLIC_KEY_FILE && env.WECHATPAY_PUBLIC_KEY_ID) {
    const pem = readKeyFile(env.WECHATPAY_PUBLIC_KEY_FILE, 'WECHATPAY_PUBLIC_KEY_FILE');
    try {
      credentials.publicKey = { id: env.WECHATPAY_PUBLIC_KEY_ID, key: createPublicKey(pem) };
    } catch {
      throw new ConfigError('WECHATPAY_PUBLIC_KEY_FILE: not a PEM public key (pub_key.pem)');
    }
  }
  if (env.WECHATPAY_APIV3_KEY) credentials.apiv3Key = env.WECHATPAY_APIV3_KEY;
  if (env.WECHATPAY_APIV3_KEY_FILE) {
    assertPrivate(env.WECHATPAY_APIV3_KEY_FILE, 'WECHATPAY_APIV3_KEY_FILE');
    const key = readKeyFile(env.WECHATPAY_APIV3_KEY_FILE, 'WECHATPAY_APIV3_KEY_FILE').trim();
    if (Buffer.byteLength(key) !== 32) {
      throw new ConfigError('WECHATPAY_APIV3_KEY_FILE: must hold the 32-character APIv3 key');
    }
    credentials.apiv3Key = key;
  }
  return credentials;
}
