import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../config/env';
import { loadLiveCredentials } from './live-credentials';

const dir = mkdtempSync(path.join(tmpdir(), 'ccc-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const write = (name: string, text: string, mode: number) => {
  const file = path.join(dir, name);
  writeFileSync(file, text, { mode });
  chmodSync(file, mode);
  return file;
};
const keyFile = write('apiclient_key.pem', privatePem, 0o600);
const publicFile = write(
  'pub_key.pem',
  publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  0o644,
);

const liveEnv = (overrides: Record<string, string> = {}) =>
  loadEnv({
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_MERCHANT_SERIAL_NO: 'ABCDEF0123456789',
    WECHATPAY_PRIVATE_KEY_FILE: keyFile,
    WECHATPAY_PUBLIC_KEY_FILE: publicFile,
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001092025',
    ...overrides,
  });

describe('loadLiveCredentials', () => {
  it('reads the merchant key and the WeChat Pay public key', () => {
    const credentials = loadLiveCredentials(liveEnv());
    expect(credentials.merchantPrivateKey.asymmetricKeyType).toBe('rsa');
    expect(credentials.publicKey?.id).toBe('PUB_KEY_ID_0119000001092025');
  });

  it('refuses a private key other users can read, and says how to fix it', () => {
    const loose = write('loose_key.pem', privatePem, 0o644);
    const attempt = () => loadLiveCredentials(liveEnv({ WECHATPAY_PRIVATE_KEY_FILE: loose }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(`chmod 600 ${loose}`);
  });

  it('names the variable of a missing or unreadable file without echoing key text', () => {
    const missing = path.join(dir, 'nope.pem');
    expect(() => loadLiveCredentials(liveEnv({ WECHATPAY_PUBLIC_KEY_FILE: missing }))).toThrow(
      /WECHATPAY_PUBLIC_KEY_FILE/,
    );
    const garbage = write('garbage.pem', 'not a key', 0o600);
    try {
      loadLiveCredentials(liveEnv({ WECHATPAY_PRIVATE_KEY_FILE: garbage }));
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/WECHATPAY_PRIVATE_KEY_FILE/);
      expect(String(error)).not.toContain('PRIVATE KEY-----');
    }
  });

  it('reads the APIv3 key from a private file', () => {
    const apiv3 = write('apiv3_key.txt', 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb\n', 0o600);
    const credentials = loadLiveCredentials(liveEnv({ WECHATPAY_APIV3_KEY_FILE: apiv3 }));
    expect(credentials.apiv3Key).toHaveLength(32);
  });
});
