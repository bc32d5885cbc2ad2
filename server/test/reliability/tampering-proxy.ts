// Test-only: a man in the middle between the console's WeChat Pay client and the sandbox. It
// forwards each request unchanged and lets a test rewrite the signed answer on its way back, the
// way a compromised or careless egress proxy could.
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A complete upstream answer, as the tamper function sees and may rewrite it. */
export interface Answer {
  /** The request-target the client asked for (path and query). */
  url: string;
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Returns the answer to send instead (or undefined to pass it through). `cutAfter` sends only
 * that many body bytes under the original Content-Length, then drops the connection.
 */
export type Tamper = (answer: Answer) => (Answer & { cutAfter?: number }) | undefined;

export interface TamperingProxy {
  url: string;
  /** Answers passed through the proxy so far, tampered or not. */
  answers: Answer[];
  /** Sets (or, without an argument, removes) the tamper applied to every answer. */
  tamper(fn?: Tamper): void;
  close(): Promise<void>;
}

// Hop-by-hop or length headers: the proxy frames its own answer.
const DROPPED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function flatHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined && !DROPPED.has(name)) headers[name] = String(value);
  }
  return headers;
}

function send(res: ServerResponse, answer: Answer & { cutAfter?: number }): void {
  const length = answer.body.length;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(length) });
  if (answer.cutAfter === undefined) {
    res.end(answer.body);
    return;
  }
  res.write(answer.body.subarray(0, answer.cutAfter), () => res.destroy());
}

/** Starts the proxy on 127.0.0.1, port 0, in front of `upstreamUrl`. */
export async function startTamperingProxy(upstreamUrl: string): Promise<TamperingProxy> {
  let current: Tamper | undefined;
  const answers: Answer[] = [];
  const server = createServer((req, res) => {
    const upstream = request(`${upstreamUrl}${req.url ?? '/'}`, {
      method: req.method,
      headers: { ...req.headers, host: new URL(upstreamUrl).host },
      agent: false,
    });
    // The client gave up (timeout): give up upstream too, or a hung sandbox call lingers.
    res.on('close', () => upstream.destroy());
    upstream.on('error', () => res.destroy());
    upstream.on('response', (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('error', () => res.destroy());
      reply.on('end', () => {
        const answer: Answer = {
          url: req.url ?? '/',
          status: reply.statusCode ?? 502,
          headers: flatHeaders(reply),
          body: Buffer.concat(chunks),
        };
        answers.push(answer);
        send(res, current?.(answer) ?? answer);
      });
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    tamper(fn) {
      current = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
