// Suite 1: property-based fuzzing of every /api endpoint with hostile input. Every case answers
// 4xx in our error shape, WeChat Pay is never called, and the console stays up.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import { expectApiError } from './api-calls';
import { type ApiAgent, type ConsoleUnderTest, startConsole } from './console-under-test';
import { expectNoLeaks } from './expect-no-leaks';
import { count, printFigures } from './figures';
import { hostileText } from './hostile-inputs';
import { hostileRequests, passesContract, send } from './hostile-requests';
import { STOCK_ENDPOINTS } from './stock-endpoints';

const SEED = 20_260_302;
const RUNS = 150;
// Bounded in count (RUNS) and in time, shrinking included.
const options = {
  seed: SEED,
  numRuns: RUNS,
  plugins: [fc.timeout(5_000), fc.interruptAfterTimeLimit(25_000, { failOnInterrupt: true })],
};

let c: ConsoleUnderTest;
let api: ApiAgent;
const upstreamCalls = () => c.sandbox.stats.calls();

beforeAll(async () => {
  c = await startConsole();
  api = await c.apiAgent();
});
afterAll(async () => {
  expect(upstreamCalls()).toBe(0);
  await expectNoLeaks(c);
  await c.close();
  printFigures('input fuzzing');
});

async function expectStillUp(): Promise<void> {
  const health = await api.get('/api/health');
  expect(health.status).toBe(200);
  expect(health.body).toMatchObject({ status: 'ok' });
}

describe('hostile input to every stock endpoint', () => {
  it.each(STOCK_ENDPOINTS)('$method $name: 4xx in our shape, no upstream call', async (e) => {
    await fc.assert(
      fc.asyncProperty(hostileRequests(e), async (request) => {
        fc.pre(!passesContract(e, request));
        count('inputs tried');
        const res = await send(api, e, request);
        expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        expectApiError(res);
        expect(upstreamCalls()).toBe(0);
      }),
      options,
    );
    await expectStillUp();
  });
});

describe('hostile requests beside the stock endpoints', () => {
  const KNOWN = new Set(['health', 'explanations', 'sandbox', 'stocks']);

  it('unknown API paths: 404 in our shape', async () => {
    const segments = fc.array(hostileText.map(encodeURIComponent), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(segments, async (parts) => {
        fc.pre(!KNOWN.has(decodeURIComponent(parts[0] ?? '')) && parts[0] !== '');
        count('inputs tried');
        const res = await api.get(`/api/${parts.join('/')}`);
        expectApiError(res, { code: 'NOT_FOUND', status: 404 });
      }),
      options,
    );
    await expectStillUp();
  });

  it('other methods on the stock routes: 4xx in our shape, no upstream call', async () => {
    const methods = fc.constantFrom('put', 'patch', 'delete');
    const routes = fc.constantFrom(...STOCK_ENDPOINTS.map((e) => e.suffix));
    await fc.assert(
      fc.asyncProperty(methods, routes, async (method, suffix) => {
        count('inputs tried');
        const res = await api[method](`/api/stocks/16000005${suffix}`).send({
          stock_creator_mchid: '1900000109',
          codes: ['a'],
        });
        expectApiError(res, { code: 'NOT_FOUND', status: 404 });
        expect(upstreamCalls()).toBe(0);
      }),
      { ...options, numRuns: 30 },
    );
  });

  it.each(['/api/health', '/api/explanations', '/api/sandbox/scenarios'])(
    '%s ignores hostile queries and never fails',
    async (path) => {
      const pairs = fc.array(fc.tuple(hostileText, hostileText), { maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(pairs, async (query) => {
          count('inputs tried');
          const search = new URLSearchParams(query).toString();
          const res = await api.get(`${path}?${search}`);
          expect(res.status).toBe(200);
          expect(apiErrorBodySchema.safeParse(res.body).success).toBe(false);
        }),
        { ...options, numRuns: 40 },
      );
      expect(upstreamCalls()).toBe(0);
    },
  );
});
