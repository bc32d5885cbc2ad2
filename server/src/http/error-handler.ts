import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../contract/error';
import { type ApiError, apiError, invalidInput, knownApiError } from './api-error';
import { explained } from './explained';

/** Body-parser failures carry a `type`; map them to our input errors. */
function fromBodyParser(error: unknown): ApiError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  if (error.type === 'entity.too.large') {
    return apiError('PAYLOAD_TOO_LARGE', 'The request body is larger than the console accepts');
  }
  if (error.type === 'entity.parse.failed') {
    return invalidInput({ field: 'body', rule: 'must be valid JSON', value: null });
  }
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
    return invalidInput({ field: 'body', rule: 'must be UTF-8 JSON', value: null });
  }
  return undefined;
}

/**
 * Other client errors raised below our handlers carry a 4xx `status` (the http-errors convention):
 * a path that is not valid percent-encoding (the router's URIError), or a body that cannot be read
 * as sent (a gzip body that will not inflate, a length that does not match). They stay 4xx.
 */
function fromClientError(error: unknown): ApiError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'status');
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (error instanceof URIError) {
    return invalidInput({ field: 'path', rule: 'must be valid percent-encoding', value: null });
  }
  if (status === 404) return apiError('NOT_FOUND', 'No such resource');
  return invalidInput({
    field: 'body',
    rule: 'must be readable as sent (Content-Encoding, Content-Length)',
    value: null,
  });
}

export const notFound: RequestHandler = (req, _res, next) => {
  const where = req.baseUrl === '/api' ? 'API route' : 'route';
  next(apiError('NOT_FOUND', `No ${where} ${req.method} ${req.path}`));
};

/** The one place that answers errors: our wire shape with a real HTTP status, never HTML. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = knownApiError(error) ?? fromBodyParser(error) ?? fromClientError(error);
  const answer = known ?? apiError('INTERNAL', 'The console failed unexpectedly');
  if (!known) req.log?.error({ err: error }, 'unhandled error');
  if (res.headersSent) {
    res.end();
    return;
  }
  if (answer.payload.retryAfterSeconds) {
    res.setHeader('Retry-After', String(answer.payload.retryAfterSeconds));
  }
  const body: ApiErrorBody = { error: explained(answer) };
  res.status(answer.payload.status).json(body);
};
