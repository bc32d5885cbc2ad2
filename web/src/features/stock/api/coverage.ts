import { coverageResponseSchema } from 'server/contract';
import { apiDownload, apiPost } from '@/lib/api/client';
import { type StockTarget, stockPostPath } from '@/lib/stock-path';

/** POST /api/stocks/:id/coverage: covered / not covered / unknown for each code, with evidence. */
export function checkCoverage(target: StockTarget, codes: readonly string[]) {
  return apiPost(
    stockPostPath(target, '/coverage'),
    { stock_creator_mchid: target.mchid, codes },
    (body) => coverageResponseSchema.parse(body),
  );
}

/** POST /api/stocks/:id/coverage.csv, saved as a file (UTF-8 with BOM, for Excel). */
export function downloadCoverageCsv(target: StockTarget, codes: readonly string[]) {
  return apiDownload(
    stockPostPath(target, '/coverage.csv'),
    { stock_creator_mchid: target.mchid, codes },
    `coverage-${target.stock}.csv`,
  );
}
