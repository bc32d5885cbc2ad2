import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiErrorBody } from '../contract/error';
import { apiError } from './api-error';
import { explained } from './explained';

/** Slow clients and floods (OWASP ASVS 13.1): every bound explicit, from config. */
export interface ServerLimits {
  /** Time a client has to send the request headers. */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included (not the answer: streams stay). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; the next ones are closed at the socket. */
  maxConnections: number;
  /** How often Node checks the two request timeouts (its default is 30 s). */
  checkEveryMs?: number;
}

// Node's own refusals, in our shape: the parser's (400), a slow client (408), big headers (431).
function refusalOf(error: NodeJS.ErrnoException) {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return apiError('HEADERS_TOO_LARGE', 'The request headers are larger than the console accepts');
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return apiError(
      'REQUEST_TIMEOUT',
      'The request did not arrive in time; the connection is closed',
    );
  }
  return apiError('BAD_REQUEST', 'The request is not valid HTTP');
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Answers what Node refuses before Express sees it with a minimal JSON error, then closes the
 * connection. A socket already answering (or gone) is only destroyed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const answering: unknown = Reflect.get(socket, '_httpMessage');
  const started =
    typeof answering === 'object' && answering !== null && Reflect.get(answering, 'headersSent');
  if (error.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const payload = explained(refusalOf(error));
  const body: ApiErrorBody = { error: payload };
  const json = JSON.stringify(body);
  socket.end(
    [
      `HTTP/1.1 ${payload.status} ${REASONS[payload.status] ?? 'Bad Request'}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(json)}`,
      'Cache-Control: no-store',
      'X-Content-Type-Options: nosniff',
      'Connection: close',
      '',
      json,
    ].join('\r\n'),
  );
}

/** The console's HTTP server: its limits set, Node's own refusals answered in our shape. */
export function createConsoleServer(app: RequestListener, limits: ServerLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkEveryMs ?? Math.min(1_000, limits.headersTimeoutMs),
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', answerClientError);
  return server;
}
