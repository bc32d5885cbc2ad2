import { createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// Test double of the network only: a loopback HTTP server that answers as scripted and signs
// like WeChat Pay. It signs with its own code (not sign.ts/verify.ts) so a bug in the client's
// message building cannot be mirrored here and pass unnoticed.

export type Signer = { serial: string; privateKey: KeyObject };

export type FakeReply = {
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sign the body (default true for 2xx); `false` sends no Wechatpay-* headers at all. */
  sign?: boolean;
  signer?: Signer;
  timestampOffsetSeconds?: number;
  /** Replace the computed signature (e.g. a SIGNTEST probe). */
  signature?: string;
  /** Change the body after signing (e.g. flip a byte). */
  tamper?: (body: Buffer) => Buffer;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Drop the connection without answering (network failure). */
  destroy?: boolean;
};

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders };
export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply;

export function rsaKeyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export async function startFakeUpstream(options: {
  handler: FakeHandler;
  signer: Signer;
  now?: () => number;
}) {
  const requests: RecordedRequest[] = [];
  const now = options.now ?? Date.now;
  const server = createServer((req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    const reply = options.handler(recorded, requests.length - 1);
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    const status = reply.status ?? 200;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    const raw = Buffer.from(text);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-ID': `fake-${requests.length}`,
      ...reply.headers,
    };
    if (reply.sign ?? (status >= 200 && status < 300)) {
      const signer = reply.signer ?? options.signer;
      const timestamp = String(Math.floor(now() / 1000) + (reply.timestampOffsetSeconds ?? 0));
      const nonce = randomBytes(16).toString('hex');
      const message = Buffer.concat([
        Buffer.from(`${timestamp}\n${nonce}\n`),
        raw,
        Buffer.from('\n'),
      ]);
      const signature = createSign('sha256').update(message).sign(signer.privateKey, 'base64');
      Object.assign(headers, {
        'Wechatpay-Timestamp': timestamp,
        'Wechatpay-Nonce': nonce,
        'Wechatpay-Serial': signer.serial,
        'Wechatpay-Signature': reply.signature ?? signature,
        'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
      });
    }
    const sent = reply.tamper ? reply.tamper(Buffer.from(raw)) : raw;
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(status, { ...headers, 'Content-Length': String(sent.length) }).end(sent);
    };
    if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
