import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvLines, runEntry } from '../../test/support/processes';
import { call, itemsUrl, responseVerifies } from '../../test/support/sandbox-http';
import { sharedTestKeysDir } from '../../test/support/sandbox-keys';

describe('cli', () => {
  it('prints the live-mode variables for its key files, serves them, and stops on SIGTERM', async () => {
    // The shared test keys (key generation is what makes a cold start slow); writing a fresh
    // key set is covered by http-signatures.test.ts.
    const dir =
      (await sharedTestKeysDir()) ?? join(await mkdtemp(join(tmpdir(), 'sandbox-cli-')), 'keys');
    const child = runEntry('src/sandbox/cli.ts', ['--port', '0', '--keys', dir, '--quiet'], {});
    try {
      const env = await readEnvLines(child, 'WECHATPAY_BACKUP_BASE_URL');
      expect(env.WECHATPAY_MCHID).toBe('1900000109');
      expect(env.WECHATPAY_PRIVATE_KEY_FILE).toBe(join(dir, 'apiclient_key.pem'));
      expect(env.WECHATPAY_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(env.WECHATPAY_BACKUP_BASE_URL).toBe(env.WECHATPAY_BASE_URL);
      const privateKeyPem = await readFile(String(env.WECHATPAY_PRIVATE_KEY_FILE), 'utf8');
      expect(createPrivateKey(privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
      const sandbox = {
        url: String(env.WECHATPAY_BASE_URL),
        credentials: {
          mchid: String(env.WECHATPAY_MCHID),
          merchantSerialNo: String(env.WECHATPAY_MERCHANT_SERIAL_NO),
          merchantPrivateKeyPem: privateKeyPem,
        },
      };
      const result = await call(sandbox, itemsUrl('16000003'));
      expect(result.status).toBe(200);
      expect(result.headers['wechatpay-serial']).toBe(env.WECHATPAY_PUBLIC_KEY_ID);
      expect(
        responseVerifies(result, await readFile(String(env.WECHATPAY_PUBLIC_KEY_FILE), 'utf8')),
      ).toBe(true);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
