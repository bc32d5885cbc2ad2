// Test-only: the secrets of the key set every test sandbox shares, as the leak check needs them.
import type { KeyObject } from 'node:crypto';
import { loadOrCreateKeys } from '../../src/sandbox/key-store';
import { sharedTestKeysDir } from '../support/sandbox-keys';
import type { Secret } from './secret-scan';

const pem = (key: KeyObject) => String(key.export({ type: 'pkcs8', format: 'pem' }));

/**
 * The merchant's API private key and APIv3 key (what the console holds), and the sandbox's own
 * signing keys (which the console never holds, so any sight of them is a leak too).
 */
export async function sandboxSecrets(): Promise<Secret[]> {
  const keys = await loadOrCreateKeys(await sharedTestKeysDir());
  return [
    { label: 'merchant API private key', value: pem(keys.merchantPrivateKey) },
    { label: 'APIv3 key', value: keys.apiv3Key },
    { label: 'sandbox 微信支付公钥 private key', value: pem(keys.wechatpayPrivateKey) },
    { label: 'sandbox platform certificate private key', value: pem(keys.platformPrivateKey) },
  ];
}
