// Test-only: keeps a copy of every answer the console sends (status, headers, body bytes), so
// the secrets check can read exactly what left the process, streams and error bodies included.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  /** The response headers as sent, one `name: value` per line. */
  headers: string;
  body: string;
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  if (typeof chunk !== 'string') return undefined;
  return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/** Wraps a request listener so that every response it writes is also appended to `into`. */
export function recordResponses(
  listener: RequestListener,
  into: RecordedResponse[],
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    // Read now: Express rewrites req.url while it routes through mounted routers.
    const { method = '', url = '' } = req;
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding: unknown) => {
      const buffer = toBuffer(chunk, encoding);
      if (buffer) chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
      keep(chunk, rest[0]);
      return Reflect.apply(write, this, [chunk, ...rest]) as boolean;
    };
    res.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
      if (typeof args[0] !== 'function') keep(args[0], args[1]);
      return Reflect.apply(end, this, args) as ServerResponse;
    };
    res.once('close', () => {
      const headers = Object.entries(res.getHeaders())
        .map(([name, value]) => `${name}: ${String(value)}`)
        .join('\n');
      into.push({
        method,
        url,
        status: res.statusCode,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    });
    listener(req, res);
  };
}
