import { Router } from 'express';
import type { AuditLog } from '../audit/store/audit-log';
import { type DemoLoginResponse, loginRequestSchema, type SessionInfo } from '../contract/auth';
import { apiError } from '../http/api-error';
import type { Clock } from '../lib/clock';
import { type LoginDeps, verifyLogin } from './login';
import { parseAuthInput } from './parse-input';
import { accessOf } from './request-access';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import type { Sessions, SessionTimeouts } from './sessions';

export interface AuthRoutesDeps extends LoginDeps {
  sessions: Sessions;
  timeouts: SessionTimeouts;
  audit: AuditLog;
  clock: Clock;
  /** Sandbox mode only: the demo admin, shown on the login page. */
  demoLogin?: DemoLoginResponse;
}

/** POST /auth/login, GET /auth/me, POST /auth/logout and (sandbox) GET /auth/demo. */
export function authRouter(deps: AuthRoutesDeps): Router {
  const { sessions, users, audit } = deps;
  const router = Router();
  // Answers carry the CSRF token (and the demo password): never cache them anywhere.
  router.use('/auth', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.post('/auth/login', async (req, res) => {
    const input = parseAuthInput(loginRequestSchema, req.body);
    const ip = req.ip ?? '';
    const user = await verifyLogin(deps, input, ip);
    // A new id at every sign-in: a session id planted before login is worth nothing after it.
    const previous = readSessionCookie(req);
    if (previous) await sessions.end(previous);
    const { id, session } = await sessions.start(user.id);
    await users.markLogin(user.id);
    setSessionCookie(req, res, id, deps.timeouts.absoluteMs);
    await audit.append({
      username: user.username,
      role: user.role,
      action: 'login',
      outcome: 'ok',
      clientIp: ip,
    });
    const body: SessionInfo = {
      username: user.username,
      role: user.role,
      csrf_token: session.csrfToken,
    };
    res.json(body);
  });

  router.get('/auth/me', (_req, res) => {
    const access = accessOf(res);
    if (!access) throw apiError('UNAUTHENTICATED', 'Sign in to use the console');
    const { user, session } = access;
    const body: SessionInfo = {
      username: user.username,
      role: user.role,
      csrf_token: session.csrfToken,
    };
    res.json(body);
  });

  router.post('/auth/logout', async (req, res) => {
    const access = accessOf(res);
    if (!access) throw apiError('UNAUTHENTICATED', 'Sign in to use the console');
    await sessions.end(access.sessionId);
    clearSessionCookie(req, res);
    await audit.append({
      username: access.user.username,
      role: access.user.role,
      action: 'logout',
      outcome: 'ok',
      clientIp: req.ip ?? null,
    });
    res.status(204).end();
  });

  const demo = deps.demoLogin;
  if (demo) router.get('/auth/demo', (_req, res) => void res.json(demo));
  return router;
}
