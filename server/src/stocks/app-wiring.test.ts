import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, settled, startHarness } from '../../test/support/stocks-harness';
import { createApp } from '../app';
import { jsonBody } from '../http/json-body';
import { createStocksRouter } from './routes';

const CREATOR = '1900000109';

// The router mounted in the lead's app: security headers, rate limit, body limit and the one
// error middleware must not change what the stock routes answer.
describe('the stocks router inside createApp', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await startHarness();
    app = createApp({
      mode: 'sandbox',
      version: 'test',
      logger: pino({ level: 'silent' }),
      apiRouters: [jsonBody, createStocksRouter({ client: h.client, scans: h.scans })],
    });
  });
  afterAll(() => h.close());

  it('answers lookups, scans, search, coverage and streams', async () => {
    const details = await request(app).get(`/api/stocks/16000003?stock_creator_mchid=${CREATOR}`);
    expect(details.status).toBe(200);
    expect(details.headers['x-request-id']).toEqual(expect.any(String));
    const scan = await request(app)
      .post('/api/stocks/16000003/scans')
      .send({ stock_creator_mchid: CREATOR });
    expect(scan.status).toBe(202);
    await settled(h.scans, '16000003');
    const events = await request(app).get(
      `/api/stocks/16000003/scans/latest/events?stock_creator_mchid=${CREATOR}`,
    );
    expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(events.text).toContain('"state":"done"');
    const codes = await request(app).get(
      `/api/stocks/16000003/codes?stock_creator_mchid=${CREATOR}&page_size=10`,
    );
    expect(codes.body.items).toHaveLength(10);
    const coverage = await request(app)
      .post('/api/stocks/16000003/coverage')
      .send({
        stock_creator_mchid: CREATOR,
        codes: Array.from({ length: 10_000 }, (_, i) => `${i}`.padEnd(128, 'x')),
      });
    expect(coverage.status).toBe(200);
    expect(coverage.body.counts.not_covered).toBe(10_000);
  });

  it('answers bad input with our error shape and no upstream call', async () => {
    const before = h.sandbox.stats.calls();
    const res = await request(app).get(
      '/api/stocks/%2E%2E%2Fv3/items?stock_creator_mchid=1&limit=1000',
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'stock_id',
      explanation: expect.any(String),
    });
    expect(h.sandbox.stats.calls()).toBe(before);
  });
});
