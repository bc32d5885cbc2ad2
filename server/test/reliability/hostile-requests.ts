// Test-only: whole hostile requests for one stock endpoint (bad path, query or body), and the
// oracle that tells the few that happen to be valid apart (those are skipped, not sent).
import { parse as parseQuery } from 'node:querystring';
import fc from 'fast-check';
import { wechatIdSchema } from '../../src/contract/stocks';
import type { ApiAgent } from './console-under-test';
import { anyJson, hostileSegment, hostileText, notJsonText } from './hostile-inputs';
import type { StockEndpoint } from './stock-endpoints';

export interface HostileRequest {
  method: 'GET' | 'POST';
  segment: string;
  /** The query exactly as sent (already encoded). */
  query: string;
  body?: { contentType: string; text: string; encoding?: string };
}

const JSON_TYPE = 'application/json';
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
const encodePairs = (pairs: [string, string][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

// Built once: a valid-looking coverage body just over the 2 MB limit.
const OVERSIZE = JSON.stringify({
  stock_creator_mchid: '1900000109',
  codes: Array.from({ length: 17_000 }, (_, i) => `${'x'.repeat(120)}${i}`),
});

function queryVariants(e: StockEndpoint): fc.Arbitrary<string> {
  const valid = Object.entries(e.valid).map(([k, v]): [string, string] => [k, String(v)]);
  const keys = Object.keys(e.valid);
  const without = (key: string) => valid.filter(([k]) => k !== key);
  const field = fc
    .constantFrom(...keys)
    .chain((key) =>
      (e.hostile[key] ?? hostileText).map((v): [string, string][] => [
        ...without(key),
        [key, String(v)],
      ]),
    );
  return fc.oneof(
    field.map(encodePairs),
    fc
      .tuple(fc.constantFrom(...keys), fc.option(hostileText, { nil: undefined }))
      .map(([key, extra]) => encodePairs([...valid, [key, extra ?? String(e.valid[key])]])),
    fc.tuple(hostileText, hostileText).map(([k, v]) => encodePairs([...valid, [k, v]])),
    fc
      .constantFrom('stock_creator_mchid[]', 'STOCK_CREATOR_MCHID', 'stock_creator_mchid[0]', '')
      .map((key) => encodePairs([...without('stock_creator_mchid'), [key, '1900000109']])),
    fc.constant(encodePairs(without('stock_creator_mchid'))),
    fc.constantFrom('stock_creator_mchid=%zz', 'stock_creator_mchid=%E0%A4%A', '&&=&', '%00=1'),
  );
}

function bodyVariants(e: StockEndpoint): fc.Arbitrary<HostileRequest['body']> {
  const keys = Object.keys(e.valid);
  const json = (value: unknown) => ({ contentType: JSON_TYPE, text: JSON.stringify(value) });
  const validText = JSON.stringify(e.valid);
  const field = fc
    .constantFrom(...keys)
    .chain((key) => (e.hostile[key] ?? anyJson).map((v) => json({ ...e.valid, [key]: v })));
  return fc.oneof(
    field,
    fc.tuple(hostileText, anyJson).map(([k, v]) => json({ ...e.valid, [k]: v })),
    fc.constantFrom(...keys).map((key) => json({ ...e.valid, [key]: undefined })),
    anyJson.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map(json),
    notJsonText.map((text) => ({ contentType: JSON_TYPE, text })),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
      )
      .map((contentType) => ({ contentType, text: validText })),
    fc
      .constantFrom('gzip', 'deflate', 'br', 'x-unknown')
      .map((encoding) => ({ contentType: JSON_TYPE, text: validText, encoding })),
    fc.constant({ contentType: JSON_TYPE, text: OVERSIZE }),
  );
}

/** Hostile requests for one endpoint: the path, or the query/body, is broken. */
export function hostileRequests(e: StockEndpoint): fc.Arbitrary<HostileRequest> {
  const validQuery = encodePairs(Object.entries(e.valid).map(([k, v]) => [k, String(v)]));
  const validBody = { contentType: JSON_TYPE, text: JSON.stringify(e.valid) };
  const badPath = hostileSegment.map((segment) =>
    e.method === 'GET'
      ? { method: e.method, segment, query: validQuery }
      : { method: e.method, segment, query: '', body: validBody },
  );
  const badInput =
    e.method === 'GET'
      ? queryVariants(e).map((query) => ({ method: e.method, segment: '16000005', query }))
      : bodyVariants(e).map((body) => ({ method: e.method, segment: '16000005', query: '', body }));
  return fc.oneof({ weight: 1, arbitrary: badPath }, { weight: 3, arbitrary: badInput });
}

function parsesJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Whether the request would pass validation (the oracle: such cases are not hostile). */
export function passesContract(e: StockEndpoint, r: HostileRequest): boolean {
  let id: string;
  try {
    id = decodeURIComponent(r.segment);
  } catch {
    return false;
  }
  if (!wechatIdSchema.safeParse(id).success) return false;
  if (e.method === 'GET') return e.schema.safeParse(parseQuery(r.query)).success;
  const body = r.body;
  if (!body || body.encoding || Buffer.byteLength(body.text) > BODY_LIMIT_BYTES) return false;
  if (!/^application\/json(;\s*charset=utf-8)?$/i.test(body.contentType)) return false;
  const parsed = parsesJson(body.text);
  return parsed.ok && e.schema.safeParse(parsed.value).success;
}

/** Sends it through the suite's agent, bytes as generated. */
export function send(api: ApiAgent, e: StockEndpoint, r: HostileRequest) {
  const path = `/api/stocks/${r.segment}${e.suffix}${r.query ? `?${r.query}` : ''}`;
  const test = r.method === 'GET' ? api.get(path) : api.post(path);
  if (!r.body) return test;
  test.set('Content-Type', r.body.contentType);
  if (r.body.encoding) test.set('Content-Encoding', r.body.encoding);
  return test.send(r.body.text);
}
