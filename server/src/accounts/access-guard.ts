import { type Request, type RequestHandler, type Response, Router } from 'express';
import { stockRequestFacts } from '../audit/request-facts';
import type { AuditLog } from '../audit/store/audit-log';
import { ApiError, apiError } from '../http/api-error';
import { explained } from '../http/explained';
import { readJsonBody } from '../http/json-body';
import { checkCrossSite } from './cross-site';
import { checkCsrfToken, checkSameOrigin, isStateChanging } from './csrf';
import { matchRoute, type RouteRule, roleMayCall } from './permissions';
import { accessOf, setAccess } from './request-access';
import { clearSessionCookie } from './session-cookie';
import type { SessionStreams } from './session-streams';
import type { Sessions } from './sessions';
import type { SessionOfRequest } from './signed-in';

export interface GuardDeps {
  sessions: Sessions;
  /** The request's session, resolved once (the API rate limit asks first). */
  sessionOf: SessionOfRequest;
  streams: SessionStreams;
  /** Records refused stock requests of signed-in users (outcome FORBIDDEN). */
  audit?: AuditLog;
}

const signIn = () =>
  apiError('UNAUTHENTICATED', 'Sign in to use the console: no session, or it has expired');

/**
 * In front of every /api router: public routes pass (a state-changing one, i.e. login, after
 * the Origin check); every other route needs a live session (401), then a request the console's
 * own pages started (403 CROSS_SITE_REFUSED), then, when it changes state, the Origin check and
 * the CSRF token (403), then a role the permission table allows (403). The JSON body is read
 * only after the session check, so strangers cannot make the console read bodies. Mount it
 * before every other API router.
 */
export function accessGuard(deps: GuardDeps): Router {
  const { sessions, sessionOf, streams, audit } = deps;

  async function refuse(
    req: Request,
    res: Response,
    rule: RouteRule | undefined,
    error: ApiError,
  ): Promise<ApiError> {
    const access = accessOf(res);
    if (audit && access && rule?.audit) {
      const facts = stockRequestFacts({
        req,
        path: req.path,
        access,
        rule: { ...rule, audit: rule.audit },
        status: error.payload.status,
        answer: { error: explained(error) },
      });
      await audit.append({ ...facts, detail: error.message });
    }
    return error;
  }

  const guard: RequestHandler = async (req, res, next) => {
    const rule = matchRoute(req.method, req.path);
    const changes = isStateChanging(req.method);
    if (rule?.access === 'public') {
      if (changes) checkSameOrigin(req);
      await readJsonBody(req, res);
      return next();
    }
    const { sessionId, session, user } = await sessionOf(req);
    if (!sessionId || !session || !user || user.disabled) {
      if (sessionId && session) await sessions.end(sessionId);
      // Tell the browser to drop a cookie that no longer opens anything.
      if (sessionId) clearSessionCookie(req, res);
      throw signIn();
    }
    setAccess(res, {
      user,
      session,
      sessionId,
      holdStream: (end) => streams.hold(sessionId, user.id, end),
    });
    try {
      checkCrossSite(req);
      if (changes) {
        checkSameOrigin(req);
        checkCsrfToken(req, session.csrfToken);
      }
    } catch (error) {
      throw error instanceof ApiError ? await refuse(req, res, rule, error) : error;
    }
    await readJsonBody(req, res);
    if (!roleMayCall(user.role, rule, req.body)) {
      const error = apiError(
        'FORBIDDEN',
        `The ${user.role} role cannot ${req.method} /api${req.path}: ask an administrator`,
      );
      throw await refuse(req, res, rule, error);
    }
    next();
  };
  return Router().use(guard);
}
