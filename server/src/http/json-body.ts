import express, { type Request, type RequestHandler, type Response, Router } from 'express';

/** Coverage checks carry up to 10,000 codes of up to 128 characters. */
export const JSON_BODY_LIMIT = '2mb';

const parse: RequestHandler = express.json({ limit: JSON_BODY_LIMIT });

/**
 * Reads a JSON body. The console's access guard calls it only once the session is known, so a
 * stranger cannot make the console read (and hold) 2 MB bodies; sign-in has no session to check.
 */
export function readJsonBody(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    parse(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(error)));
  });
}

/** For apps without the access guard (tests of a single router): parse every body. */
export const jsonBody: Router = Router().use(parse);
