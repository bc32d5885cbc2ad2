import { describe, expect, it } from 'vitest';
import { toWechatPayError, type WechatPayErrorInput } from './errors';

const rid = new Headers({ 'Request-ID': '08F4B9E5A90610D80518' });
const json = (value: unknown) => JSON.stringify(value);

const table: [string, WechatPayErrorInput, Record<string, unknown>][] = [
  [
    '400 PARAM_ERROR with detail',
    {
      status: 400,
      headers: rid,
      body: json({ code: 'PARAM_ERROR', message: '批次号必填', detail: { field: 'stock_id' } }),
    },
    {
      kind: 'upstream_rejected',
      retryable: false,
      status: 400,
      requestId: '08F4B9E5A90610D80518',
      upstream: { code: 'PARAM_ERROR', message: '批次号必填', detail: { field: 'stock_id' } },
    },
  ],
  [
    '401 SIGN_ERROR',
    { status: 401, body: json({ code: 'SIGN_ERROR', message: '签名错误' }) },
    {
      kind: 'upstream_rejected',
      retryable: false,
      upstream: { code: 'SIGN_ERROR', message: '签名错误' },
    },
  ],
  [
    '403 REQUEST_BLOCKED',
    { status: 403, body: json({ code: 'REQUEST_BLOCKED', message: '调用商户无权限' }) },
    { kind: 'upstream_rejected', upstream: { code: 'REQUEST_BLOCKED', message: '调用商户无权限' } },
  ],
  [
    '404 RESOURCE_NOT_EXISTS',
    {
      status: 404,
      headers: rid,
      body: json({ code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' }),
    },
    {
      kind: 'upstream_rejected',
      status: 404,
      upstream: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
    },
  ],
  [
    '4xx with an HTML body',
    { status: 400, body: '<html>Bad Request</html>' },
    {
      kind: 'upstream_rejected',
      upstream: { code: 'UNKNOWN', message: '<html>Bad Request</html>' },
    },
  ],
  [
    '4xx with JSON that is not an error body',
    { status: 404, body: json({ hello: 'world' }) },
    { kind: 'upstream_rejected', upstream: { code: 'UNKNOWN', message: '{"hello":"world"}' } },
  ],
  [
    '4xx with an empty body',
    { status: 405 },
    { kind: 'upstream_rejected', status: 405, upstream: { code: 'UNKNOWN', message: '' } },
  ],
  [
    '429 keyed by status whatever the code',
    {
      status: 429,
      headers: rid,
      body: json({ code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' }),
    },
    {
      kind: 'rate_limited',
      retryable: true,
      requestId: '08F4B9E5A90610D80518',
      upstream: { code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' },
    },
  ],
  [
    '429 without a body',
    { status: 429, body: '' },
    { kind: 'rate_limited', retryable: true, upstream: undefined },
  ],
  [
    '500 SYSTEM_ERROR',
    { status: 500, body: json({ code: 'SYSTEM_ERROR', message: '系统错误' }) },
    { kind: 'upstream_unavailable', cause: 'server_error', retryable: true },
  ],
  [
    '502 HTML',
    { status: 502, body: '<h1>Bad Gateway</h1>' },
    { kind: 'upstream_unavailable', cause: 'server_error', upstream: undefined },
  ],
  [
    '503',
    { status: 503 },
    { kind: 'upstream_unavailable', cause: 'server_error', retryable: true },
  ],
  ['504', { status: 504 }, { kind: 'upstream_unavailable', cause: 'server_error' }],
  [
    '501 is not an outage worth retrying',
    { status: 501 },
    { kind: 'upstream_rejected', retryable: false },
  ],
  ['3xx redirect', { status: 302 }, { kind: 'upstream_rejected', retryable: false }],
  [
    'timeout',
    { transportFailure: 'timeout' },
    { kind: 'upstream_unavailable', cause: 'timeout', retryable: true, status: undefined },
  ],
  [
    'connection reset',
    { transportFailure: 'network' },
    { kind: 'upstream_unavailable', cause: 'network', retryable: true },
  ],
  ['no status at all', {}, { kind: 'upstream_unavailable', cause: 'network' }],
  [
    '2xx that is not JSON',
    { status: 200, headers: rid, body: '<html>ok</html>' },
    { kind: 'malformed_response', retryable: false, requestId: '08F4B9E5A90610D80518' },
  ],
  [
    'bad signature (local)',
    { status: 200, headers: rid, local: { kind: 'bad_signature', message: 'x' } },
    { kind: 'bad_signature', retryable: false, status: 200, requestId: '08F4B9E5A90610D80518' },
  ],
  [
    'unsigned (local)',
    { status: 200, local: { kind: 'response_unsigned', message: 'x' } },
    { kind: 'response_unsigned', retryable: false },
  ],
  [
    'unknown serial (local)',
    { status: 200, local: { kind: 'unknown_serial', message: 'x' } },
    { kind: 'unknown_serial', retryable: false },
  ],
  [
    'stale timestamp (local)',
    { status: 200, local: { kind: 'stale_timestamp', message: 'x' } },
    { kind: 'stale_timestamp', retryable: false },
  ],
  [
    'invalid input (local)',
    {
      local: {
        kind: 'invalid_input',
        message: 'x',
        field: 'limit',
        rule: 'integer 1..100',
        value: 101,
      },
    },
    {
      kind: 'invalid_input',
      retryable: false,
      field: 'limit',
      rule: 'integer 1..100',
      value: 101,
      status: undefined,
    },
  ],
];

describe('toWechatPayError', () => {
  it.each(table)('%s', (_name, input, expected) => {
    const error = toWechatPayError(input);
    expect(error).toMatchObject(
      Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)),
    );
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect(error).not.toHaveProperty(key);
    }
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('keeps cause only on upstream_unavailable and invalid_input fields only on invalid_input', () => {
    for (const [, input] of table) {
      const error = toWechatPayError(input);
      if (error.kind !== 'upstream_unavailable') expect(error).not.toHaveProperty('cause');
      if (error.kind !== 'invalid_input') expect(error).not.toHaveProperty('field');
    }
  });

  it('truncates a huge unauthenticated error page', () => {
    const error = toWechatPayError({ status: 400, body: 'x'.repeat(10_000) });
    expect(error.upstream?.message.length).toBe(200);
  });
});
