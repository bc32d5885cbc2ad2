import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../contract/error';
import { ApiError, apiError, invalidInput } from './api-error';

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

export const notFound: RequestHandler = (req, _res, next) => {
  next(apiError('NOT_FOUND', `No API route ${req.method} ${req.path}`));
};

/** The one place that answers errors: our wire shape with a real HTTP status, never HTML. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = error instanceof ApiError ? error : fromBodyParser(error);
  const answer = known ?? apiError('INTERNAL', 'The console failed unexpectedly');
  if (!known) req.log?.error({ err: error }, 'unhandled error');
  if (res.headersSent) {
    res.end();
    return;
  }
  if (answer.payload.retryAfterSeconds) {
    res.setHeader('Retry-After', String(answer.payload.retryAfterSeconds));
  }
  const body: ApiErrorBody = { error: answer.payload };
  res.status(answer.payload.status).json(body);
};
