// Test-only helper: a tiny, independent WeChat Pay APIv3 caller for the sandbox's tests. It signs
// with node:crypto directly and never uses the sandbox's own signing code (or the client's).
import { createSign, createVerify, type KeyObject, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import type { SandboxCredentials } from '../../src/sandbox/credentials';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server';
import { sharedTestKeysDir } from './sandbox-keys';

export const VECTORS_DIR = new URL('../vectors/', import.meta.url);
export const readVector = (name: string): string =>
  readFileSync(new URL(name, VECTORS_DIR), 'utf8');

/** What a caller needs to know about a sandbox: where it is and the merchant's credentials. */
export interface SandboxTarget {
  url: string;
  credentials: Pick<SandboxCredentials, 'mchid' | 'merchantSerialNo' | 'merchantPrivateKeyPem'>;
}

export interface CallOptions {
  /** Extra headers; a value of undefined removes a default one (Accept, User-Agent, Authorization). */
  headers?: Record<string, string | undefined>;
  nowMs?: number;
  timestampOffsetSeconds?: number;
  /** Sign this request-target instead of the one sent. */
  signedUrl?: string;
  mchid?: string;
  serialNo?: string;
  privateKeyPem?: string;
  localAddress?: string;
  timeoutMs?: number;
}

export interface CallResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function authorizationFor(
  sandbox: SandboxTarget,
  url: string,
  options: CallOptions = {},
): string {
  const c = sandbox.credentials;
  const timestamp = String(
    Math.floor((options.nowMs ?? Date.now()) / 1000) + (options.timestampOffsetSeconds ?? 0),
  );
  const nonce = randomBytes(16).toString('hex').toUpperCase();
  const message = `GET\n${options.signedUrl ?? url}\n${timestamp}\n${nonce}\n\n`;
  const signature = createSign('RSA-SHA256')
    .update(message)
    .sign(options.privateKeyPem ?? c.merchantPrivateKeyPem, 'base64');
  const mchid = options.mchid ?? c.mchid;
  const serial = options.serialNo ?? c.merchantSerialNo;
  return `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${serial}"`;
}

/** A signed GET over a fresh connection; rejects when the connection is reset or times out. */
export function call(
  sandbox: SandboxTarget,
  url: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const merged: Record<string, string | undefined> = {
    Accept: 'application/json',
    'User-Agent': 'sandbox-tests/1.0',
    Authorization: authorizationFor(sandbox, url, options),
    ...options.headers,
  };
  const headers = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  return new Promise((resolve, reject) => {
    const req = request(
      `${sandbox.url}${url}`,
      { method: 'GET', headers, agent: false, localAddress: options.localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.timeoutMs)
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    req.end();
  });
}

export const itemsUrl = (stockId: string, query: Record<string, string | number> = {}): string => {
  const entries = Object.entries({
    offset: 0,
    limit: 10,
    stock_creator_mchid: '1900000109',
    ...query,
  });
  const params = new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)]));
  return `/v3/marketing/favor/stocks/${stockId}/items?${params}`;
};

export const stockUrl = (stockId: string, mchid = '1900000109'): string =>
  `/v3/marketing/favor/stocks/${stockId}?stock_creator_mchid=${mchid}`;

/** Verifies a response's Wechatpay-Signature over `TIMESTAMP\nNONCE\nBODY\n` with `key`. */
export function responseVerifies(result: CallResult, key: KeyObject | string): boolean {
  const {
    'wechatpay-timestamp': ts,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': sig,
  } = result.headers;
  if (typeof ts !== 'string' || typeof nonce !== 'string' || typeof sig !== 'string') return false;
  try {
    return createVerify('RSA-SHA256')
      .update(`${ts}\n${nonce}\n${result.body}\n`)
      .verify(key, sig, 'base64');
  } catch {
    return false;
  }
}

/** A sandbox with no latency on the key set shared by all test files. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ latencyMs: [0, 0], keysDir: await sharedTestKeysDir(), ...options });
}

export const json = (result: CallResult): Record<string, unknown> =>
  JSON.parse(result.body) as Record<string, unknown>;
