import type { Router } from 'express';
import { accessOf } from '../accounts/request-access';
import { startScanBodySchema, stockQuerySchema } from '../contract/stocks';
import { apiError } from '../http/api-error';
import { requesterOf, targetOf } from './route-inputs';
import type { Scan, ScanTarget } from './scan';
import type { ScanService } from './scan-service';
import { streamProgress } from './sse';

/** The latest scan, or 409 SCAN_NOT_STARTED telling the caller to POST …/scans first. */
export async function latestOrThrow(scans: ScanService, target: ScanTarget): Promise<Scan> {
  const scan = await scans.latest(target);
  if (scan) return scan;
  throw apiError(
    'SCAN_NOT_STARTED',
    `No scan of stock ${target.stockId} yet: POST /api/stocks/${target.stockId}/scans to start one`,
  );
}

/** POST …/scans (start or join), GET …/scans/latest and its server-sent events. */
export function addScanRoutes(router: Router, scans: ScanService): void {
  router.post('/stocks/:stockId/scans', async (req, res) => {
    const { target, input } = targetOf(req, startScanBodySchema, req.body ?? {});
    const requester = requesterOf(res);
    const scan = await scans.start(target, {
      refresh: input.refresh,
      ...(requester ? { requester } : {}),
    });
    res.status(scan.state === 'running' ? 202 : 200).json(scan.progress());
  });

  router.get('/stocks/:stockId/scans/latest', async (req, res) => {
    const { target } = targetOf(req, stockQuerySchema, req.query);
    res.json((await latestOrThrow(scans, target)).progress());
  });

  router.get('/stocks/:stockId/scans/latest/events', async (req, res) => {
    const { target } = targetOf(req, stockQuerySchema, req.query);
    const scan = await latestOrThrow(scans, target);
    streamProgress(res, scan, accessOf(res)?.holdStream);
  });
}
