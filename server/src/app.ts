import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { HealthResponse } from './contract/health';
import { errorHandler, notFound } from './http/error-handler';
import { type DependencyCheck, healthRouter } from './http/health-route';
import { requestContext } from './http/request-context';
import { apiRateLimit, securityHeaders } from './http/security';
import { staticWeb } from './http/static-web';

export interface AppDeps {
  mode: HealthResponse['mode'];
  version: string;
  logger: Logger;
  /** Routers mounted under /api (stocks, explanations, …). */
  apiRouters?: Router[];
  /** Requests per minute one client may make to /api. */
  apiRateLimitPerMinute?: number;
  /** Express "trust proxy", so req.ip and req.secure are right behind a load balancer. */
  trustProxy?: boolean | number | string;
  /** Shared stores (Redis, PostgreSQL) whose reachability health reports. */
  dependencies?: readonly DependencyCheck[];
  /** The built web app to serve; omitted in API-only tests. */
  webDistDir?: string;
}

/** Coverage checks carry up to 10,000 codes of up to 128 characters. */
const JSON_BODY_LIMIT = '2mb';

/** The Express app, without listening: tests drive it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('query parser', 'simple');
  app.use(requestContext(deps.logger));
  app.use(securityHeaders);

  app.use('/api', healthRouter(deps));

  app.use('/api', apiRateLimit(deps.apiRateLimitPerMinute ?? 600));
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }));
  for (const router of deps.apiRouters ?? []) app.use('/api', router);
  app.use('/api', notFound);

  if (deps.webDistDir) app.use(staticWeb(deps.webDistDir));
  app.use(errorHandler);
  return app;
}
