import { type ChildProcess, spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, itemsUrl, responseVerifies } from './test-http';
import { sharedTestKeysDir } from './test-keys';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));

/** Resolves with the KEY=value lines once the CLI has printed WECHATPAY_BASE_URL. */
function variables(child: ChildProcess): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!/^WECHATPAY_BACKUP_BASE_URL=.*\n/m.test(out)) return;
      const pairs = out
        .split('\n')
        .filter((line) => /^[A-Z0-9_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
      resolve(Object.fromEntries(pairs));
    });
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
  });
}

describe('cli', () => {
  it('prints the live-mode variables for its key files, serves them, and stops on SIGTERM', async () => {
    // The shared test keys (key generation is what makes a cold start slow); writing a fresh
    // key set is covered by http-signatures.test.ts.
    const dir =
      (await sharedTestKeysDir()) ?? join(await mkdtemp(join(tmpdir(), 'sandbox-cli-')), 'keys');
    const tsx = join(serverDir, 'node_modules/.bin/tsx');
    const child = spawn(tsx, ['src/sandbox/cli.ts', '--port', '0', '--keys', dir, '--quiet'], {
      cwd: serverDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const env = await variables(child);
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
