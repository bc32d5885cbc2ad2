// Test-only: the console API calls the suites make, each through an ApiAgent.
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { type ApiErrorPayload, apiErrorBodySchema } from '../../src/contract/error';
import { type ScanProgress, scanProgressSchema } from '../../src/contract/stocks';
import { explanationsById } from '../../src/explanations/catalog';
import { SANDBOX_MCHID } from '../../src/sandbox/sandbox';
import type { ApiAgent } from './console-under-test';

export const CREATOR = SANDBOX_MCHID;
const Q = `stock_creator_mchid=${CREATOR}`;

export const itemsPage = (api: ApiAgent, stockId: string, offset = 0, limit = 100) =>
  api.get(`/api/stocks/${stockId}/items?${Q}&offset=${offset}&limit=${limit}`);

export const stockDetails = (api: ApiAgent, stockId: string) =>
  api.get(`/api/stocks/${stockId}?${Q}`);

export const startScan = (api: ApiAgent, stockId: string, refresh = false) =>
  api.post(`/api/stocks/${stockId}/scans`).send({ stock_creator_mchid: CREATOR, refresh });

export const coverage = (api: ApiAgent, stockId: string, codes: readonly string[]) =>
  api.post(`/api/stocks/${stockId}/coverage`).send({ stock_creator_mchid: CREATOR, codes });

export const searchCodes = (api: ApiAgent, stockId: string, q: string) =>
  api.get(`/api/stocks/${stockId}/codes?${Q}&q=${encodeURIComponent(q)}&page_size=100`);

/** Polls the latest scan until it leaves `running`; bounded by `timeoutMs`. */
export async function waitForScan(
  api: ApiAgent,
  stockId: string,
  timeoutMs = 15_000,
): Promise<ScanProgress> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await api.get(`/api/stocks/${stockId}/scans/latest?${Q}`);
    if (res.status === 200) {
      const progress = scanProgressSchema.parse(res.body);
      if (progress.state !== 'running') return progress;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the scan of ${stockId} was still running after ${timeoutMs} ms`);
}

/** Asserts our wire error shape with a real status and an explanation that exists. */
export function expectApiError(
  res: Response,
  expected: Partial<Pick<ApiErrorPayload, 'code' | 'status' | 'explanation'>> = {},
): ApiErrorPayload {
  expect(res.headers['content-type'], res.text).toMatch(/^application\/json/);
  const { error } = apiErrorBodySchema.parse(res.body);
  expect(error.status).toBe(res.status);
  expect(explanationsById.has(error.explanation), error.explanation).toBe(true);
  expect(error).toMatchObject(expected);
  return error;
}
