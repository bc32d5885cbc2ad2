import type { ErrorRequestHandler, Request, Response } from 'express';
import type { z } from 'zod';
import { accessOf } from '../accounts/request-access';
import { STOCK_INPUT_RULES, wechatIdSchema } from '../contract/stocks';
import { invalidInput } from '../http/api-error';
import type { ScanTarget } from './scan';
import { parseInput } from './validate';

/** The stock id from the path, by the same rule as every other id. */
export function stockIdOf(req: Request): string {
  return parseInput(wechatIdSchema, req.params.stockId, 'stock_id');
}

/** The stock (path) and its creator (query or body), the path checked first. */
export function targetOf<S extends z.ZodType<{ stock_creator_mchid: string }>>(
  req: Request,
  schema: S,
  input: unknown,
): { target: ScanTarget; input: z.output<S> } {
  const stockId = stockIdOf(req);
  const parsed = parseInput(schema, input);
  return { target: { stockId, stockCreatorMchid: parsed.stock_creator_mchid }, input: parsed };
}

/** The signed-in person asking, as the pacer's line and the fair share know them. */
export function requesterOf(res: Response): string | undefined {
  const access = accessOf(res);
  return access ? `user:${access.user.id}` : undefined;
}

/** Aborts when the caller goes away, so a queued upstream call gives its pacer slot back. */
export function callerSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort(new Error('caller went away'));
  });
  return controller.signal;
}

/** `/stocks//items`: the empty segment never reaches `:stockId`, so name it here. */
export function emptyStockId(): never {
  throw invalidInput({ field: 'stock_id', rule: STOCK_INPUT_RULES.idLength, value: '' });
}

/**
 * A path segment that is not valid percent-encoding cannot be a stock id either; Express reports
 * it as a URIError with status 400 before any handler runs.
 */
export const undecodablePath: ErrorRequestHandler = (error, req, _res, next) => {
  const undecodable = error instanceof URIError && Reflect.get(error, 'status') === 400;
  if (!undecodable) return next(error);
  next(
    invalidInput({
      field: 'stock_id',
      rule: STOCK_INPUT_RULES.idCharset,
      value: req.path.split('/')[2] ?? '',
    }),
  );
};
