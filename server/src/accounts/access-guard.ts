import { type Request, type RequestHandler, type Response, Router } from 'express';
import { stockRequestFacts } from '../audit/request-facts';
import type { AuditLog } from '../audit/store/audit-log';
import { ApiError, apiError } from '../http/api-error';
import { explained } from '../http/explained';
import { checkCsrfToken, checkSameOrigin, isStateChanging } from './csrf';
import { matchRoute, type RouteRule, roleMayCall } from './permissions';
import { accessOf, setAccess } from './request-access';
import { clearSessionCookie, readSessionCookie } from './session-cookie';
import type { Sessions } from './sessions';
import type { UserStore } from './store/users';

export interface GuardDeps {
  sessions: Sessions;
  users: UserStore;
  /** Records refused stock requests of signed-in users (outcome FORBIDDEN). */
  audit?: AuditLog;
}

const signIn = () =>
  apiError('UNAUTHENTICATED', 'Sign in to use the console: no session, or it has expired');

/**
 * In front of every /api router: public routes pass (a state-changing one, i.e. login, after
 * the Origin check); every other route needs a live session (401), then, when it changes
 * state, the Origin check and the CSRF token (403), then a role the permission table allows
 * (403). Mount it before every other API router.
 */
export function accessGuard(deps: GuardDeps): Router {
  const { sessions, users, audit } = deps;

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
      return next();
    }
    const sessionId = readSessionCookie(req);
    const session = sessionId ? await sessions.resume(sessionId) : undefined;
    const user = session ? await users.byId(session.userId) : undefined;
    if (!sessionId || !session || !user || user.disabled) {
      if (sessionId && session) await sessions.end(sessionId);
      // Tell the browser to drop a cookie that no longer opens anything.
      if (sessionId) clearSessionCookie(req, res);
      throw signIn();
    }
    setAccess(res, { user, session, sessionId });
    try {
      if (changes) {
        checkSameOrigin(req);
        checkCsrfToken(req, session.csrfToken);
      }
    } catch (error) {
      throw error instanceof ApiError ? await refuse(req, res, rule, error) : error;
    }
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
