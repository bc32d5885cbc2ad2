import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  gateFrom,
  type Harness,
  type HarnessOptions,
  settled,
  startHarness,
} from '../../test/support/stocks-harness';
import {
  codesResponseSchema,
  coverageResponseSchema,
  itemsPageResponseSchema,
  type ScanProgress,
  scanProgressSchema,
  stockDetailsResponseSchema,
} from '../contract/stocks';

const CREATOR = '1900000109';
const Q = `stock_creator_mchid=${CREATOR}`;
let harness: Harness | undefined;

async function start(options: HarnessOptions = {}) {
  harness = await startHarness(options);
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function scanned(h: Harness, stockId: string) {
  await request(h.app).post(`/api/stocks/${stockId}/scans`).send({ stock_creator_mchid: CREATOR });
  return settled(h.scans, stockId);
}

// Keeps the exact bytes (the BOM, the stream's framing) instead of supertest's decoded text.
function rawBody(res: request.Response, done: (error: Error | null, body: unknown) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('page lookups', () => {
  it('GET /stocks/:id answers the details with the kind of stock', async () => {
    const h = await start();
    const res = await request(h.app).get(`/api/stocks/16000005?${Q}`);
    expect(res.status).toBe(200);
    const body = stockDetailsResponseSchema.parse(res.body);
    expect(body).toMatchObject({ stock_id: '16000005', kind: 'single_item', stock_type: 'NORMAL' });
    expect(body.request_id).toEqual(expect.any(String));
    const whole = await request(h.app).get(`/api/stocks/16000001?${Q}`);
    expect(whole.body.kind).toBe('whole_store');
    const cut = await request(h.app).get(`/api/stocks/16000007?${Q}`);
    expect(cut.body.kind).toBe('not_voucher');
  });

  it('GET /stocks/:id/items answers one upstream page as WeChat Pay returned it', async () => {
    const h = await start();
    const res = await request(h.app).get(`/api/stocks/16000005/items?${Q}&offset=2&limit=7`);
    expect(res.status).toBe(200);
    const body = itemsPageResponseSchema.parse(res.body);
    expect(body).toMatchObject({
      stock_id: '16000005',
      total_count: 5_000,
      offset: 2,
      limit: 7,
      offset_mode: 'page',
    });
    expect(body.data).toHaveLength(7);
    const sent = new URL(h.sandbox.stats.log().at(-1)?.url ?? '', 'http://upstream');
    expect(sent.pathname).toBe('/v3/marketing/favor/stocks/16000005/items');
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      offset: '2',
      limit: '7',
      stock_creator_mchid: CREATOR,
    });
    const defaults = await request(h.app).get(`/api/stocks/16000003/items?${Q}`);
    expect(defaults.body).toMatchObject({ offset: 0, limit: 10, total_count: 57 });
  });

  it('turns an upstream refusal into our error with its explanation and Request-ID', async () => {
    const h = await start();
    const res = await request(h.app).get(`/api/stocks/9900000022/items?${Q}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstream: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
      requestId: expect.any(String),
      explanation: expect.any(String),
    });
  });
});

describe('scans, search and coverage', () => {
  it('answers 409 SCAN_NOT_STARTED before any scan', async () => {
    const h = await start();
    for (const path of ['scans/latest', 'scans/latest/events', 'codes', 'codes.csv']) {
      const res = await request(h.app).get(`/api/stocks/16000003/${path}?${Q}`);
      expect(res.status, path).toBe(409);
      expect(res.body.error.code).toBe('SCAN_NOT_STARTED');
    }
    expect(h.sandbox.stats.calls()).toBe(0);
  });

  it('searches case-insensitively, exact matches first and flagged, paged', async () => {
    const h = await start();
    const scan = await scanned(h, '16000005');
    const target = scan.index.codes.find((code) => code.length === 3 && /[a-z]/i.test(code)) ?? '';
    const query = target.toUpperCase() === target ? target.toLowerCase() : target.toUpperCase();
    const res = await request(h.app).get(`/api/stocks/16000005/codes?${Q}&q=${query}&page_size=10`);
    expect(res.status).toBe(200);
    const body = codesResponseSchema.parse(res.body);
    expect(body.items[0]).toEqual({ code: target, exact: true });
    expect(body.items.slice(1).every((hit) => !hit.exact)).toBe(true);
    const lower = query.toLowerCase();
    const expected = scan.index.codes.filter((code) => code.toLowerCase().includes(lower)).length;
    expect(body).toMatchObject({
      match_count: expected,
      searched_count: 5_000,
      total_count: 5_000,
      complete: true,
      scan_state: 'done',
    });
    const all = await request(h.app).get(`/api/stocks/16000005/codes?${Q}&page=3&page_size=100`);
    expect(all.body.items.map((hit: { code: string }) => hit.code)).toEqual(
      scan.index.codes.slice(200, 300),
    );
  });

  it('searches and checks coverage on a partial scan, saying so', async () => {
    const gate = gateFrom(2);
    const h = await start({ wrapClient: gate.wrap });
    const started = await request(h.app)
      .post('/api/stocks/16000004/scans')
      .send({ stock_creator_mchid: CREATOR });
    expect(started.status).toBe(202);
    const scan =
      (await h.scans.latest({ stockId: '16000004', stockCreatorMchid: CREATOR })) ?? expect.fail();
    while (scan.pagesDone < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    const codes = await request(h.app).get(`/api/stocks/16000004/codes?${Q}`);
    expect(codes.body).toMatchObject({
      searched_count: 200,
      total_count: 250,
      complete: false,
      scan_state: 'running',
    });
    const known = scan.index.codes[150] ?? '';
    const coverage = await request(h.app)
      .post('/api/stocks/16000004/coverage')
      .send({ stock_creator_mchid: CREATOR, codes: [known, 'NOT-A-CODE'] });
    expect(coverage.body.results).toEqual([
      { code: known, status: 'covered' },
      { code: 'NOT-A-CODE', status: 'unknown' },
    ]);
    const progress = scanProgressSchema.parse(
      (await request(h.app).get(`/api/stocks/16000004/scans/latest?${Q}`)).body,
    );
    expect(progress).toMatchObject({
      state: 'running',
      pages_done: 2,
      pages_total: 3,
      codes_loaded: 200,
    });
    gate.release();
    await settled(h.scans, '16000004');
  });

  it('checks coverage: covered, not_covered, folded duplicates and blanks, with evidence', async () => {
    const h = await start();
    const scan = await scanned(h, '16000003');
    const [a, b] = scan.index.codes;
    const res = await request(h.app)
      .post('/api/stocks/16000003/coverage')
      .send({ stock_creator_mchid: CREATOR, codes: [` ${a} `, a, b, 'missing-code'] });
    expect(res.status).toBe(200);
    const body = coverageResponseSchema.parse(res.body);
    expect(body.results).toEqual([
      { code: a, status: 'covered' },
      { code: b, status: 'covered' },
      { code: 'missing-code', status: 'not_covered' },
    ]);
    expect(body.counts).toEqual({ covered: 2, not_covered: 1, unknown: 0 });
    expect(body.duplicates_folded).toBe(1);
    expect(body.evidence).toMatchObject({
      complete: true,
      truncated: false,
      reachable_count: 57,
      total_count: 57,
      scan_state: 'done',
      request_ids: { count: 1 },
    });
    expect(body.evidence.request_ids.first).toEqual([h.sandbox.stats.log()[0]?.requestId]);
  });

  it('says unknown for codes a truncated scan could not reach', async () => {
    const h = await start({ sandbox: { pagination: 'item' }, offsetMode: 'item' });
    const scan = await scanned(h, '16000006');
    const res = await request(h.app)
      .post('/api/stocks/16000006/coverage')
      .send({ stock_creator_mchid: CREATOR, codes: [scan.index.codes[0], 'absent'] });
    expect(res.body.counts).toEqual({ covered: 1, not_covered: 0, unknown: 1 });
    expect(res.body.evidence).toMatchObject({
      truncated: true,
      complete: false,
      reachable_count: 600,
    });
  });

  it('starts the scan a coverage check needs', async () => {
    const h = await start();
    const res = await request(h.app)
      .post('/api/stocks/16000003/coverage')
      .send({ stock_creator_mchid: CREATOR, codes: ['x'] });
    expect(res.status).toBe(200);
    expect((await settled(h.scans, '16000003')).state).toBe('done');
  });

  it('keeps the codes of a walk that failed on a later page as partial evidence', async () => {
    const gate = gateFrom(1);
    const h = await start({ wrapClient: gate.wrap });
    await request(h.app).post('/api/stocks/16000004/scans').send({ stock_creator_mchid: CREATOR });
    const running =
      (await h.scans.latest({ stockId: '16000004', stockCreatorMchid: CREATOR })) ?? expect.fail();
    while (running.pagesDone < 1) await new Promise((resolve) => setTimeout(resolve, 2));
    h.sandbox.faults.inject('system_error', { match: { stockId: '16000004' } });
    gate.release();
    const scan = await settled(h.scans, '16000004');
    expect(scan.progress()).toMatchObject({ state: 'failed', pages_done: 1, codes_loaded: 100 });
    expect(scan.error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { code: 'SYSTEM_ERROR' },
    });
    const codes = await request(h.app).get(`/api/stocks/16000004/codes?${Q}`);
    expect(codes.body).toMatchObject({
      searched_count: 100,
      complete: false,
      scan_state: 'failed',
    });
  });
});

describe('server-sent progress', () => {
  it('streams progress events and ends after done', async () => {
    const gate = gateFrom(1);
    const h = await start({ wrapClient: gate.wrap });
    await request(h.app).post('/api/stocks/16000004/scans').send({ stock_creator_mchid: CREATOR });
    const scan =
      (await h.scans.latest({ stockId: '16000004', stockCreatorMchid: CREATOR })) ?? expect.fail();
    while (scan.pagesDone < 1) await new Promise((resolve) => setTimeout(resolve, 2));
    // The walk goes on only once the first event has reached us, so none can be missed.
    const events = request(h.app)
      .get(`/api/stocks/16000004/scans/latest/events?${Q}`)
      .buffer(true)
      .parse((res, done) => {
        (res as unknown as NodeJS.ReadableStream).once('data', gate.release);
        rawBody(res, done);
      });
    const res = await events;
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const text = (res.body as Buffer).toString('utf8');
    const frames = text.split('\n\n').filter(Boolean);
    const progress = frames.map((frame) => {
      const [event, data] = frame.split('\n');
      expect(event).toBe('event: progress');
      return scanProgressSchema.parse(
        JSON.parse((data ?? '').replace(/^data: /, '')),
      ) as ScanProgress;
    });
    expect(progress.at(-1)?.state).toBe('done');
    expect(progress.map((p) => p.pages_done)).toEqual([1, 2, 3, 3]);
  });
});

describe('CSV exports', () => {
  it('GET codes.csv streams every scanned code with BOM and header', async () => {
    const h = await start();
    const scan = await scanned(h, '16000003');
    const res = await request(h.app)
      .get(`/api/stocks/16000003/codes.csv?${Q}`)
      .buffer(true)
      .parse(rawBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="stock-16000003-codes.csv"',
    );
    expect(res.headers['x-scan-complete']).toBe('true');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('code');
    expect(lines).toHaveLength(58);
    expect(lines[1]).toBe(scan.index.codes[0]?.replace(/^-/, "'-"));
  });

  it('POST coverage.csv quotes what needs quoting', async () => {
    const h = await start();
    const scan = await scanned(h, '16000003');
    const res = await request(h.app)
      .post('/api/stocks/16000003/coverage.csv')
      .send({
        stock_creator_mchid: CREATOR,
        codes: [scan.index.codes[1], 'a,b', 'say "hi"', '=1+1', '优惠'],
      })
      .buffer(true)
      .parse(rawBody);
    expect(res.status).toBe(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toBe(
      `\ufeffcode,status\n${scan.index.codes[1]?.replace(/^-/, "'-")},covered\n"a,b",not_covered\n"say ""hi""",not_covered\n'=1+1,not_covered\n优惠,not_covered\n`,
    );
  });
});
