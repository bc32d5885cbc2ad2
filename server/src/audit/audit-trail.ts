import { type RequestHandler, type Response, Router } from 'express';
import { matchRoute } from '../accounts/permissions';
import { accessOf } from '../accounts/request-access';
import { AUDIT_ID_HEADER } from '../contract/audit';
import type { Clock } from '../lib/clock';
import { stockRequestFacts } from './request-facts';
import type { AuditLog } from './store/audit-log';

/**
 * Records every audited stock request (see ROUTE_RULES) once it ends, without the stock routes
 * knowing: mount it after the access guard and before the stocks router. The row id is taken
 * first and sent as X-Audit-Id (and left in res.locals.auditId for the route to quote); the
 * answer is observed through res.json for its counts, Request-IDs and error code, and a route
 * whose answer is CSV may leave its Request-IDs in res.locals.requestIds. When no id can be
 * taken (the store is away) the request is refused before it runs: nothing goes unrecorded.
 */
export function auditTrail(audit: AuditLog, clock: Clock): Router {
  const record: RequestHandler = async (req, res, next) => {
    const { path } = req;
    const rule = matchRoute(req.method, path);
    const access = accessOf(res);
    if (!rule?.audit || !access) return next();
    const audited = { ...rule, audit: rule.audit };
    const at = clock.now();
    const id = await audit.reserveId();
    res.locals.auditId = id;
    res.setHeader(AUDIT_ID_HEADER, String(id));

    let answer: unknown;
    const json = res.json.bind(res);
    res.json = ((body: unknown) => {
      answer = body;
      return json(body);
    }) as typeof res.json;

    let written = false;
    const write = (aborted: boolean) => {
      if (written) return;
      written = true;
      const failed = (error: unknown) =>
        req.log?.error({ err: error, auditId: id }, 'could not write the audit row');
      try {
        const facts = stockRequestFacts({
          req,
          path,
          access,
          rule: audited,
          status: res.statusCode,
          answer,
          routeRequestIds: res.locals.requestIds,
          aborted,
        });
        // The answer has gone out: a failed write can only be logged, never rejected unhandled.
        audit.append({ ...facts, at }, id).catch(failed);
      } catch (error) {
        failed(error);
      }
    };
    res.once('finish', () => write(false));
    res.once('close', () => write(!res.writableFinished));
    // The client may have gone while the id was being taken.
    if (res.closed) write(true);
    next();
  };
  return Router().use(record);
}

/** The audit row id of this request, for a route to quote (the coverage answer's audit_id). */
export function auditIdOf(res: Response): number | null {
  const id: unknown = res.locals.auditId;
  return typeof id === 'number' ? id : null;
}
