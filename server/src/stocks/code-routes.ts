import type { Response, Router } from 'express';
import { auditIdOf } from '../audit/audit-trail';
import {
  type CodesResponse,
  codesCsvQuerySchema,
  codesQuerySchema,
  coverageBodySchema,
} from '../contract/stocks';
import { fromWechatPayError } from '../http/api-error';
import { attachment, streamCsv } from '../http/csv';
import type { Clock } from '../lib/clock';
import type { WechatPayClient } from '../wechatpay/client';
import { pageOf, searchCodes } from './code-search';
import { checkCoverage } from './coverage';
import { requesterOf, targetOf } from './route-inputs';
import type { Scan, ScanTarget } from './scan';
import { latestOrThrow } from './scan-routes';
import type { ScanService } from './scan-service';

function scanHeaders(res: Response, scan: Scan): void {
  res.setHeader('X-Scan-State', scan.state);
  res.setHeader('X-Scan-Complete', String(scan.complete));
}

/** GET …/codes (+ .csv) search the latest scan; POST …/coverage (+ .csv) check codes against it. */
export function addCodeRoutes(
  router: Router,
  scans: ScanService,
  client: Pick<WechatPayClient, 'getStock'>,
  clock: Clock,
): void {
  // Coverage is an action: with no usable scan it starts one and answers with what is known. A
  // failed or interrupted scan is not reused: it would answer `unknown` until its TTL ran out
  // instead of asking WeChat Pay again (start joins a running walk and reuses a done one).
  const scanFor = (target: ScanTarget, res: Response) => {
    const requester = requesterOf(res);
    return scans.start(target, requester ? { requester } : {});
  };

  // An empty item list is either a whole-store voucher (every product covered) or a single-item
  // one with no codes (none covered): only the stock's details tell, so ask in that case alone.
  async function isWholeStore(scan: Scan, res: Response): Promise<boolean> {
    if (!scan.complete || scan.totalCount !== 0) return false;
    const { stockId, stockCreatorMchid } = scan.target;
    const requester = requesterOf(res);
    const details = await client.getStock(
      { stockId, stockCreatorMchid },
      requester ? { requester } : {},
    );
    if (!details.ok) throw fromWechatPayError(details.error);
    return details.data.stock_type === 'NORMAL' && !details.data.singleitem;
  }

  router.get('/stocks/:stockId/codes', async (req, res) => {
    const { target, input } = targetOf(req, codesQuerySchema, req.query);
    const scan = await latestOrThrow(scans, target);
    const found = searchCodes(scan.index, input.q);
    const body: CodesResponse = {
      stock_id: target.stockId,
      q: input.q,
      page: input.page,
      page_size: input.page_size,
      items: pageOf(scan.index, found, input.page, input.page_size),
      match_count: found.positions.length,
      searched_count: scan.index.size,
      total_count: scan.totalCount,
      reachable_count: scan.reachableCount,
      complete: scan.complete,
      truncated: scan.truncated,
      scan_state: scan.state,
    };
    res.json(body);
  });

  router.get('/stocks/:stockId/codes.csv', async (req, res) => {
    const { target, input } = targetOf(req, codesCsvQuerySchema, req.query);
    const scan = await latestOrThrow(scans, target);
    const { positions } = searchCodes(scan.index, input.q);
    scanHeaders(res, scan);
    attachment(res, `stock-${target.stockId}-codes.csv`);
    res.locals.requestIds = scan.requestIds;
    const { codes } = scan.index;
    await streamCsv(
      res,
      ['code'],
      positions.map((position) => [codes[position] as string]),
    );
  });

  router.post('/stocks/:stockId/coverage', async (req, res) => {
    const { target, input } = targetOf(req, coverageBodySchema, req.body);
    const scan = await scanFor(target, res);
    const checked = checkCoverage(scan, input.codes, clock.now(), await isWholeStore(scan, res));
    // The audit entry of this check, so a dispute ticket can point to the record.
    res.json({ ...checked, audit_id: auditIdOf(res) });
  });

  router.post('/stocks/:stockId/coverage.csv', async (req, res) => {
    const { target, input } = targetOf(req, coverageBodySchema, req.body);
    const scan = await scanFor(target, res);
    const { results } = checkCoverage(
      scan,
      input.codes,
      clock.now(),
      await isWholeStore(scan, res),
    );
    scanHeaders(res, scan);
    attachment(res, `stock-${target.stockId}-coverage.csv`);
    res.locals.requestIds = scan.requestIds;
    await streamCsv(
      res,
      ['code', 'status'],
      results.map((r) => [r.code, r.status]),
    );
  });
}
