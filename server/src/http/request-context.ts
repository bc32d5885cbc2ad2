import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * The path as asked, the query replaced by `?…`: a query can carry what a person typed (a search,
 * a password pasted into the address bar) and the log may be shipped elsewhere. Our routes take
 * no secret in the query, but a request log must not depend on every caller knowing that.
 */
export function withoutQuery(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : `${url.slice(0, at)}?…`;
}

/**
 * Gives every request an id (ours, not WeChat Pay's Request-ID), echoes it as X-Request-Id and
 * logs one line per request through the redacting logger.
 */
export function requestContext(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: withoutQuery(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
