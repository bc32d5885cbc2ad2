// Test-only: one HTTP request with the path sent byte for byte (no URL normalisation, unlike
// fetch or a browser), so traversal attempts reach the server exactly as written.
import { type IncomingHttpHeaders, request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
  timeoutMs?: number;
}

export function rawRequest(baseUrl: string, path: string, options: RawOptions = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<RawAnswer>((resolve, reject) => {
    const headers = { ...options.headers };
    if (options.body !== undefined && !options.chunked) {
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const req = request(
      { hostname, port, path, method: options.method ?? 'GET', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    if (options.body === undefined) {
      req.end();
      return;
    }
    const body = Buffer.from(options.body);
    if (!options.chunked) {
      req.end(body);
      return;
    }
    // Many small writes: the server cannot know the size up front.
    for (let at = 0; at < body.length; at += 64 * 1024)
      req.write(body.subarray(at, at + 64 * 1024));
    req.end();
  });
}
