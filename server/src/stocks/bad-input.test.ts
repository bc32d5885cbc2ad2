import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/support/stocks-harness';
import { STOCK_INPUT_RULES } from '../contract/stocks';

const CREATOR = '1900000109';
const Q = `stock_creator_mchid=${CREATOR}`;
const GOOD_BODY = { stock_creator_mchid: CREATOR, codes: ['a'] };

interface Case {
  name: string;
  method: 'get' | 'post';
  url: string;
  body?: unknown;
  field: string;
  rule: string;
  value?: unknown;
}

// Every stock route, so no route can forget to check the path.
const ROUTES: { method: 'get' | 'post'; path: (id: string) => string; body?: unknown }[] = [
  { method: 'get', path: (id) => `/api/stocks/${id}?${Q}` },
  { method: 'get', path: (id) => `/api/stocks/${id}/items?${Q}` },
  {
    method: 'post',
    path: (id) => `/api/stocks/${id}/scans`,
    body: { stock_creator_mchid: CREATOR },
  },
  { method: 'get', path: (id) => `/api/stocks/${id}/scans/latest?${Q}` },
  { method: 'get', path: (id) => `/api/stocks/${id}/scans/latest/events?${Q}` },
  { method: 'get', path: (id) => `/api/stocks/${id}/codes?${Q}` },
  { method: 'get', path: (id) => `/api/stocks/${id}/codes.csv?${Q}` },
  { method: 'post', path: (id) => `/api/stocks/${id}/coverage`, body: GOOD_BODY },
  { method: 'post', path: (id) => `/api/stocks/${id}/coverage.csv`, body: GOOD_BODY },
];

const BAD_IDS: [string, string, string, string][] = [
  // [name, path segment as sent, rule, value after decoding]
  ['21 characters', '1'.repeat(21), STOCK_INPUT_RULES.idLength, '1'.repeat(21)],
  ['Chinese', encodeURIComponent('批次号'), STOCK_INPUT_RULES.idCharset, '批次号'],
  ['full-width digits', encodeURIComponent('１２３'), STOCK_INPUT_RULES.idCharset, '１２３'],
  ['emoji', encodeURIComponent('🎟️1'), STOCK_INPUT_RULES.idCharset, '🎟️1'],
  ['dot-dot', '%2E%2E', STOCK_INPUT_RULES.idCharset, '..'],
  ['encoded slash', '123%2F456', STOCK_INPUT_RULES.idCharset, '123/456'],
  ['traversal', '%2E%2E%2F%2E%2E%2Fv3', STOCK_INPUT_RULES.idCharset, '../../v3'],
  ['smuggled query', '16000005%3Flimit%3D1000', STOCK_INPUT_RULES.idCharset, '16000005?limit=1000'],
  ['smuggled fragment', '16000005%23x', STOCK_INPUT_RULES.idCharset, '16000005#x'],
  ['space', '16000005%20', STOCK_INPUT_RULES.idCharset, '16000005 '],
  ['NUL byte', '16000005%00', STOCK_INPUT_RULES.idCharset, '16000005\u0000'],
  ['markup', encodeURIComponent('<b>1</b>'), STOCK_INPUT_RULES.idCharset, '<b>1</b>'],
];

const idCases: Case[] = ROUTES.flatMap((route) => [
  ...BAD_IDS.map(([name, segment, rule, value]) => ({
    name: `${route.method} ${route.path(':id')} with ${name} stock id`,
    method: route.method,
    url: route.path(segment),
    body: route.body,
    field: 'stock_id',
    rule,
    value,
  })),
  {
    name: `${route.method} ${route.path(':id')} with an empty stock id`,
    method: route.method,
    url: route.path(''),
    body: route.body,
    field: 'stock_id',
    rule: STOCK_INPUT_RULES.idLength,
    value: '',
  },
]);

const items = (query: string) => `/api/stocks/16000005/items?${query}`;
const codes = (query: string) => `/api/stocks/16000005/codes?${query}`;
const get = (name: string, url: string, field: string, rule: string, value?: unknown): Case => ({
  name,
  method: 'get',
  url,
  field,
  rule,
  ...(value === undefined ? {} : { value }),
});

const queryCases: Case[] = [
  get('no creator', '/api/stocks/16000005', 'stock_creator_mchid', STOCK_INPUT_RULES.required),
  get(
    'empty creator',
    '/api/stocks/16000005?stock_creator_mchid=',
    'stock_creator_mchid',
    STOCK_INPUT_RULES.idLength,
    '',
  ),
  get(
    'long creator',
    `/api/stocks/16000005?stock_creator_mchid=${'9'.repeat(21)}`,
    'stock_creator_mchid',
    STOCK_INPUT_RULES.idLength,
  ),
  get(
    'creator twice',
    `/api/stocks/16000005?${Q}&${Q}`,
    'stock_creator_mchid',
    STOCK_INPUT_RULES.single,
    [CREATOR, CREATOR],
  ),
  get(
    'creator unicode',
    '/api/stocks/16000005?stock_creator_mchid=%E5%95%86',
    'stock_creator_mchid',
    STOCK_INPUT_RULES.idCharset,
    '商',
  ),
  get(
    'creator traversal',
    '/api/stocks/16000005?stock_creator_mchid=..%2F1',
    'stock_creator_mchid',
    STOCK_INPUT_RULES.idCharset,
  ),
  get(
    'creator with &',
    '/api/stocks/16000005?stock_creator_mchid=1%26limit%3D1000',
    'stock_creator_mchid',
    STOCK_INPUT_RULES.idCharset,
  ),
  get(
    'creator brackets',
    '/api/stocks/16000005?stock_creator_mchid[]=1',
    'stock_creator_mchid',
    STOCK_INPUT_RULES.required,
  ),
  get(
    'unknown parameter',
    `/api/stocks/16000005?${Q}&limt=5`,
    'limt',
    STOCK_INPUT_RULES.unknown,
    '5',
  ),
  ...['-1', '1.5', '501', '5000', 'abc', '', '1e2', ' 1', '0x10', '+1', '9999999999'].map(
    (offset) =>
      get(
        `offset ${JSON.stringify(offset)}`,
        items(`${Q}&offset=${encodeURIComponent(offset)}`),
        'offset',
        STOCK_INPUT_RULES.offset,
        offset,
      ),
  ),
  get('offset twice', items(`${Q}&offset=1&offset=2`), 'offset', STOCK_INPUT_RULES.single, [
    '1',
    '2',
  ]),
  ...['0', '101', '1000', '-5', '2.5', '', 'ten'].map((limit) =>
    get(
      `limit ${JSON.stringify(limit)}`,
      items(`${Q}&limit=${limit}`),
      'limit',
      STOCK_INPUT_RULES.limit,
      limit,
    ),
  ),
  get('limit twice', items(`${Q}&limit=10&limit=1000`), 'limit', STOCK_INPUT_RULES.single),
  ...['0', '-1', '1.5', 'x', ''].map((page) =>
    get(
      `page ${JSON.stringify(page)}`,
      codes(`${Q}&page=${page}`),
      'page',
      STOCK_INPUT_RULES.page,
      page,
    ),
  ),
  ...['15', '0', '1000', 'ten', '20.0'].map((size) =>
    get(
      `page_size ${JSON.stringify(size)}`,
      codes(`${Q}&page_size=${size}`),
      'page_size',
      STOCK_INPUT_RULES.pageSize,
      size,
    ),
  ),
  get('q too long', codes(`${Q}&q=${'x'.repeat(129)}`), 'q', STOCK_INPUT_RULES.query),
  get('q twice', codes(`${Q}&q=a&q=b`), 'q', STOCK_INPUT_RULES.single, ['a', 'b']),
];

const post = (
  name: string,
  url: string,
  body: unknown,
  field: string,
  rule: string,
  value?: unknown,
): Case => ({
  name,
  method: 'post',
  url,
  body,
  field,
  rule,
  ...(value === undefined ? {} : { value }),
});
const scans = '/api/stocks/16000005/scans';
const coverage = '/api/stocks/16000005/coverage';
const manyCodes = Array.from({ length: 10_001 }, (_, i) => `c${i}`);

const bodyCases: Case[] = [
  post('scan without body', scans, undefined, 'stock_creator_mchid', STOCK_INPUT_RULES.required),
  post('scan with empty object', scans, {}, 'stock_creator_mchid', STOCK_INPUT_RULES.required),
  post(
    'scan with numeric creator',
    scans,
    { stock_creator_mchid: 1900000109 },
    'stock_creator_mchid',
    STOCK_INPUT_RULES.text,
    1900000109,
  ),
  post(
    'scan with refresh "yes"',
    scans,
    { stock_creator_mchid: CREATOR, refresh: 'yes' },
    'refresh',
    STOCK_INPUT_RULES.refresh,
    'yes',
  ),
  post('scan with an array body', scans, [CREATOR], 'body', STOCK_INPUT_RULES.object),
  post(
    'scan with an extra key',
    scans,
    { stock_creator_mchid: CREATOR, limit: 1000 },
    'limit',
    STOCK_INPUT_RULES.unknown,
    1000,
  ),
  post(
    'coverage without codes',
    coverage,
    { stock_creator_mchid: CREATOR },
    'codes',
    STOCK_INPUT_RULES.required,
  ),
  post(
    'coverage with no codes',
    coverage,
    { stock_creator_mchid: CREATOR, codes: [] },
    'codes',
    STOCK_INPUT_RULES.codesCount,
  ),
  post(
    'coverage with 10,001 codes',
    coverage,
    { stock_creator_mchid: CREATOR, codes: manyCodes },
    'codes',
    STOCK_INPUT_RULES.codesCount,
    '(a list of 10001 values)',
  ),
  post(
    'coverage with codes as text',
    coverage,
    { stock_creator_mchid: CREATOR, codes: 'a,b' },
    'codes',
    STOCK_INPUT_RULES.codesList,
    'a,b',
  ),
  post(
    'coverage with an empty code',
    coverage,
    { stock_creator_mchid: CREATOR, codes: ['a', ''] },
    'codes[1]',
    STOCK_INPUT_RULES.codeLength,
    '',
  ),
  post(
    'coverage with a blank code',
    coverage,
    { stock_creator_mchid: CREATOR, codes: ['   '] },
    'codes[0]',
    STOCK_INPUT_RULES.codeLength,
    '   ',
  ),
  post(
    'coverage with a 129-char code',
    coverage,
    { stock_creator_mchid: CREATOR, codes: ['a', 'b', 'x'.repeat(129)] },
    'codes[2]',
    STOCK_INPUT_RULES.codeLength,
  ),
  post(
    'coverage with a number',
    coverage,
    { stock_creator_mchid: CREATOR, codes: ['a', 7] },
    'codes[1]',
    STOCK_INPUT_RULES.text,
    7,
  ),
  post(
    'coverage with null',
    coverage,
    { stock_creator_mchid: CREATOR, codes: [null] },
    'codes[0]',
    STOCK_INPUT_RULES.text,
    null,
  ),
  post(
    'coverage with a nested list',
    coverage,
    { stock_creator_mchid: CREATOR, codes: [['a']] },
    'codes[0]',
    STOCK_INPUT_RULES.single,
  ),
  post(
    'coverage.csv with a bad code',
    `${coverage}.csv`,
    { stock_creator_mchid: CREATOR, codes: ['ok', '\t'] },
    'codes[1]',
    STOCK_INPUT_RULES.codeLength,
  ),
  post(
    'coverage with a bad creator',
    coverage,
    { stock_creator_mchid: '../1', codes: ['a'] },
    'stock_creator_mchid',
    STOCK_INPUT_RULES.idCharset,
    '../1',
  ),
];

const corpus = [...idCases, ...queryCases, ...bodyCases];

describe('bad input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('has a corpus of more than 100 bad inputs', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it.each(corpus.map((c) => [c.name, c] as const))(
    '%s → 400 naming field and rule',
    async (_name, c) => {
      const call = request(h.app)[c.method](c.url);
      const res = await (c.body === undefined ? call : call.send(c.body as object));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'INVALID_INPUT',
        status: 400,
        field: c.field,
        rule: c.rule,
      });
      if ('value' in c) expect(res.body.error.value).toEqual(c.value);
    },
  );

  it('answers malformed percent-encoding, malformed JSON and oversize bodies without a crash', async () => {
    const undecodable = await request(h.app).get(`/api/stocks/%E0%A4%A/items?${Q}`);
    expect(undecodable.status).toBe(400);
    expect(undecodable.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'stock_id' });
    const json = await request(h.app)
      .post(coverage)
      .set('Content-Type', 'application/json')
      .send('{"codes": [');
    expect(json.status).toBe(400);
    const huge = {
      stock_creator_mchid: CREATOR,
      codes: Array.from({ length: 20_000 }, () => 'x'.repeat(128)),
    };
    const oversize = await request(h.app).post(coverage).send(huge);
    expect(oversize.status).toBe(413);
  });

  it('made zero calls to WeChat Pay for all of them', () => {
    expect(h.sandbox.stats.calls()).toBe(0);
  });
});
