import { Router } from 'express';
import type { HealthDependency, HealthResponse } from '../contract/health';

/** A shared store to report on: `check` resolves true when it answers right now. */
export interface DependencyCheck {
  name: HealthDependency['name'];
  check(): Promise<boolean>;
}

// A health probe must answer even while a store hangs: a check that takes longer counts as down.
const CHECK_TIMEOUT_MS = 1_000;

async function statusOf(dependency: DependencyCheck): Promise<HealthDependency> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  const up = await Promise.race([dependency.check().catch(() => false), timeout]);
  clearTimeout(timer);
  return { name: dependency.name, status: up ? 'up' : 'down' };
}

/**
 * GET /api/health, for people and load balancers alike. It stays 200 while a shared store is
 * down: every replica shares the same stores, so taking them all out of rotation would only
 * replace explained 503s with a dead console. `status: degraded` says what is wrong.
 */
export function healthRouter(input: {
  mode: HealthResponse['mode'];
  version: string;
  dependencies?: readonly DependencyCheck[];
}): Router {
  const { mode, version, dependencies = [] } = input;
  return Router().get('/health', async (_req, res) => {
    const body: HealthResponse = { status: 'ok', mode, version };
    if (dependencies.length > 0) {
      body.dependencies = await Promise.all(dependencies.map(statusOf));
      if (body.dependencies.some((d) => d.status === 'down')) body.status = 'degraded';
    }
    res.set('Cache-Control', 'no-store').json(body);
  });
}
