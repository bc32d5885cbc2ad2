import { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { apiErrorBodySchema } from '../contract/error';
import { explanationCatalogSchema } from '../contract/explanation';
import { sandboxScenariosResponseSchema } from '../contract/sandbox';
import { explanationsById } from '../explanations/catalog';
import { explanationsRouter } from './explanations-route';
import { jsonBody } from './json-body';
import { createLogger } from './logger';
import { sandboxRouter } from './sandbox-route';

const echo = Router().post('/echo', (req, res) => {
  res.json({ received: Array.isArray(req.body?.codes) ? req.body.codes.length : 0 });
});

const app = createApp({
  mode: 'sandbox',
  version: '9.9.9',
  logger: createLogger('silent'),
  apiRouters: [jsonBody, explanationsRouter(), sandboxRouter(), echo],
});

describe('the console app', () => {
  it('answers health with its mode and version', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', mode: 'sandbox', version: '9.9.9' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends a CSP and the other security headers', async () => {
    const res = await request(app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown API route with our error shape, explained', async () => {
    const res = await request(app).get('/api/nope').expect(404);
    const body = apiErrorBodySchema.parse(res.body);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(explanationsById.has(body.error.explanation)).toBe(true);
  });

  it('refuses malformed JSON and oversize bodies with specific errors', async () => {
    const bad = await request(app)
      .post('/api/echo')
      .set('Content-Type', 'application/json')
      .send('{"codes": [')
      .expect(400);
    expect(apiErrorBodySchema.parse(bad.body).error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'body',
    });

    const huge = { codes: Array.from({ length: 20_000 }, (_, i) => `${'x'.repeat(120)}${i}`) };
    const tooLarge = await request(app).post('/api/echo').send(huge).expect(413);
    expect(apiErrorBodySchema.parse(tooLarge.body).error.code).toBe('PAYLOAD_TOO_LARGE');

    const fine = await request(app)
      .post('/api/echo')
      .send({ codes: ['a', 'b'] })
      .expect(200);
    expect(fine.body).toEqual({ received: 2 });
  });

  it('lists every explanation', async () => {
    const res = await request(app).get('/api/explanations').expect(200);
    const catalog = explanationCatalogSchema.parse(res.body);
    expect(catalog.explanations.length).toBe(explanationsById.size);
  });

  it('lists the sandbox demo stocks and scenarios, each with an existing explanation', async () => {
    const res = await request(app).get('/api/sandbox/scenarios').expect(200);
    const body = sandboxScenariosResponseSchema.parse(res.body);
    expect(body.stocks.map((stock) => stock.size)).toEqual(
      expect.arrayContaining([1, 57, 250, 5000, 60000]),
    );
    expect(body.scenarios.filter((scenario) => scenario.kind === 'error_row')).toHaveLength(23);
    for (const scenario of body.scenarios) {
      expect(explanationsById.has(scenario.explanation), scenario.id).toBe(true);
    }
  });
});
