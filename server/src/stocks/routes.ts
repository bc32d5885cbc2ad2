import { Router } from 'express';
import { type Clock, systemClock } from '../lib/clock';
import type { WechatPayClient } from '../wechatpay/client';
import { addCodeRoutes } from './code-routes';
import type { FairShare } from './fair-share';
import { addLookupRoutes } from './lookup-routes';
import { emptyStockId, undecodablePath } from './route-inputs';
import { addScanRoutes } from './scan-routes';
import type { ScanService } from './scan-service';

export interface StocksRouterDeps {
  client: Pick<WechatPayClient, 'getStock' | 'listAvailableItems'>;
  scans: ScanService;
  clock: Clock;
  /** Bounds each person's lookups in progress (none when absent, e.g. routes without sign-in). */
  fairShare?: FairShare;
}

/**
 * The stock part of our API, to mount at /api: page lookups, shared full scans, search,
 * coverage and CSV. Expects JSON bodies already parsed (by the access guard, or http/json-body.ts).
 */
export function createStocksRouter(
  deps: Omit<StocksRouterDeps, 'clock'> & { clock?: Clock },
): Router {
  const full: StocksRouterDeps = { ...deps, clock: deps.clock ?? systemClock };
  const router = Router();
  router.all(['/stocks/', '/stocks//{*rest}'], emptyStockId);
  addLookupRoutes(router, full);
  addScanRoutes(router, full.scans);
  addCodeRoutes(router, full.scans, full.client, full.clock);
  router.use(undecodablePath);
  return router;
}
