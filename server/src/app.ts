import express, { type Request, type Router } from 'express';
import type { Logger } from 'pino';
import type { HealthResponse } from './contract/health';
import { errorHandler, notFound } from './http/error-handler';
import { type DependencyCheck, healthRouter } from './http/health-route';
import { hostAllowList } from './http/public-origins';
import { requestContext } from './http/request-context';
import { apiRateLimit, securityHeaders, strictTransportSecurity } from './http/security';
import { staticWeb } from './http/static-web';

export interface AppDeps {
  mode: HealthResponse['mode'];
  version: string;
  logger: Logger;
  /** Routers mounted under /api (stocks, explanations, …). */
  apiRouters?: Router[];
  /** Requests per minute one client may make to /api. */
  apiRateLimitPerMinute?: number;
  /** Who a request is for the rate limit (e.g. `user:7`); undefined: its address. */
  clientKey?: (req: Request) => Promise<string | undefined>;
  /** CONSOLE_PUBLIC_URL's origins; the listening address is always accepted too. */
  publicOrigins?: readonly string[];
  /** Express "trust proxy", so req.ip and req.secure are right behind a load balancer. */
  trustProxy?: boolean | number | string;
  /** Shared stores (Redis, PostgreSQL) whose reachability health reports. */
  dependencies?: readonly DependencyCheck[];
  /** The built web app to serve; omitted in API-only tests. */
  webDistDir?: string;
}

/**
 * The Express app, without listening: tests drive it with supertest. Request bodies are read by
 * the access guard (the first API router) once it knows the session, not here.
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('query parser', 'simple');
  app.use(requestContext(deps.logger));
  app.use(securityHeaders);
  app.use(strictTransportSecurity);
  app.use(hostAllowList(deps.publicOrigins));

  app.use('/api', healthRouter(deps));

  app.use('/api', apiRateLimit(deps.apiRateLimitPerMinute ?? 600, deps.clientKey));
  for (const router of deps.apiRouters ?? []) app.use('/api', router);
  app.use('/api', notFound);

  if (deps.webDistDir) app.use(staticWeb(deps.webDistDir));
  // Whatever else nobody serves (a POST outside /api, no built app): our JSON, never HTML.
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
