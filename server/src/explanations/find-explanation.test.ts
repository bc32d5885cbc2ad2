import { describe, expect, it } from 'vitest';
import { apiErrorCodeSchema } from '../contract/error';
import type { Explanation } from '../contract/explanation';
import {
  explainApi,
  explainKind,
  explainUpstream,
  explainWechatPayError,
  getExplanationById,
} from './find-explanation';

// The 23 rows of the items page's error table (wechatpay-favor-stock-items.md), copied by hand
// so that a change in the catalog cannot silently change what the test expects. `lookup`: can
// the items/stock GET produce it?
const SEED: [status: number, code: string, message: string, lookup: boolean][] = [
  [400, 'PARAM_ERROR', '回调url不能为空', false],
  [400, 'PARAM_ERROR', '回调商户不能为空', false],
  [400, 'PARAM_ERROR', '券id必填', false],
  [400, 'PARAM_ERROR', 'appid必填', false],
  [400, 'PARAM_ERROR', 'openid必填', false],
  [400, 'PARAM_ERROR', '页大小超过阈值', true],
  [400, 'PARAM_ERROR', '输入时间格式错误', false],
  [400, 'PARAM_ERROR', '批次号必填', true],
  [400, 'PARAM_ERROR', '商户号必填', true],
  [400, 'PARAM_ERROR', '非法的批次状态', true],
  [400, 'MCH_NOT_EXISTS', '商户号不合法', true],
  [400, 'INVALID_REQUEST', 'openid与appid不匹配', false],
  [400, 'INVALID_REQUEST', '活动已结束或未激活', true],
  [400, 'INVALID_REQUEST', '非法的商户号', true],
  [400, 'APPID_MCHID_NOT_MATCH', '商户号与appid不匹配', false],
  [403, 'USER_ACCOUNT_ABNORMAL', '用户非法', false],
  [403, 'NOT_ENOUGH', '批次预算不足', false],
  [403, 'REQUEST_BLOCKED', '调用商户无权限', true],
  [403, 'REQUEST_BLOCKED', '商户无权发券', true],
  [403, 'REQUEST_BLOCKED', '批次不支持跨商户发券', false],
  [403, 'REQUEST_BLOCKED', '用户被限领拦截', false],
  [404, 'RESOURCE_NOT_EXISTS', '批次不存在', true],
  [429, 'FREQUENCY_LIMIT_EXCEED', '接口限频', true],
];

const NOT_FROM_LOOKUP_ZH = '本控制台的查询（批次可用单品、批次详情）不会返回这个错误。';
const NOT_FROM_LOOKUP_EN = 'never return this error';

function expectComplete(entry: Explanation): void {
  for (const text of [entry.texts['zh-CN'], entry.texts.en]) {
    for (const field of ['title', 'what_happened', 'operator_action', 'support_script'] as const) {
      expect(text[field].trim(), `${entry.id} ${field}`).not.toBe('');
    }
    expect(text.causes.length, `${entry.id} causes`).toBeGreaterThan(0);
    expect(text.quote_to_wechatpay.trim()).not.toBe('');
  }
}

describe('explainUpstream: the seed table', () => {
  it('gives all 23 rows an entry of their own', () => {
    const ids = SEED.map(
      ([status, code, message]) => explainUpstream({ status, code, message }).id,
    );
    expect(new Set(ids).size).toBe(23);
  });

  it.each(SEED)(
    '%i %s %s resolves to its own row, complete in both languages',
    (status, code, message, lookup) => {
      const entry = explainUpstream({ status, code, message });
      expect(entry.match).toEqual({ status, code, message });
      expect(entry.source).toBe('upstream');
      expect(entry.producible_by_lookup).toBe(lookup);
      expect(entry.retryable).toBe(status === 429);
      expectComplete(entry);
    },
  );

  it.each(SEED.filter(([, , , lookup]) => !lookup))(
    '%i %s %s says plainly this lookup does not produce it',
    (status, code, message) => {
      const { texts } = explainUpstream({ status, code, message });
      expect(texts['zh-CN'].what_happened).toContain(NOT_FROM_LOOKUP_ZH);
      expect(texts.en.what_happened).toContain(NOT_FROM_LOOKUP_EN);
      // …and where it comes from.
      expect(texts['zh-CN'].what_happened).toMatch(/它来自|这个错误来自/);
      expect(texts.en.what_happened).toMatch(/comes from/);
    },
  );

  it('tolerates width, case, spaces and closing punctuation in the message', () => {
    const row = explainUpstream({ status: 400, code: 'PARAM_ERROR', message: '券id必填' }).id;
    for (const message of ['券ID必填', ' 券id必填。', '券ｉｄ必填', '券id 必填!']) {
      expect(explainUpstream({ status: 400, code: 'PARAM_ERROR', message }).id).toBe(row);
    }
    expect(explainUpstream({ code: ' param_error ', message: '批次号必填' }).id).toBe(
      'upstream.PARAM_ERROR.stock_id_required',
    );
  });
});

describe('explainUpstream: platform-wide answers', () => {
  it.each([
    [401, 'SIGN_ERROR', '签名错误', 'upstream.SIGN_ERROR'],
    [403, 'NO_AUTH', '商户无权限', 'upstream.NO_AUTH'],
    [500, 'SYSTEM_ERROR', '系统错误', 'upstream.SYSTEM_ERROR'],
    [502, 'SERVICE_UNAVAILABLE', '服务不可用', 'upstream.SERVICE_UNAVAILABLE'],
    [503, 'SERVICE_UNAVAILABLE', '服务不可用', 'upstream.SERVICE_UNAVAILABLE'],
    [429, 'RATELIMIT_EXCEEDED', '请求过于频繁', 'upstream.RATELIMIT_EXCEEDED'],
  ])('%i %s → %s', (status, code, message, id) => {
    const entry = explainUpstream({ status, code, message });
    expect(entry.id).toBe(id);
    expectComplete(entry);
  });

  it('knows the missing-header and no-certificate messages', () => {
    const headers = explainUpstream({
      status: 400,
      code: 'INVALID_REQUEST',
      message: 'Http头缺少Accept或User-Agent',
    });
    expect(headers.id).toBe('upstream.INVALID_REQUEST.missing_accept_or_user_agent');
    // The real message runs on after the documented words.
    const cert = explainUpstream({
      status: 404,
      code: 'RESOURCE_NOT_EXISTS',
      message: '无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥。',
    });
    expect(cert.id).toBe('upstream.RESOURCE_NOT_EXISTS.no_platform_certificate');
    expect(cert.producible_by_lookup).toBe(false);
    expect(cert.texts['zh-CN'].operator_action).toContain('微信支付公钥');
    expect(cert.texts.en.operator_action).toContain('public-key mode');
  });

  it('SIGN_ERROR points at the server clock and the merchant key and serial', () => {
    const { texts } = explainUpstream({ status: 401, code: 'SIGN_ERROR', message: 'x' });
    expect(texts['zh-CN'].what_happened).toMatch(/时钟/);
    expect(texts['zh-CN'].what_happened).toMatch(/私钥/);
    expect(texts['zh-CN'].what_happened).toMatch(/序列号/);
    expect(texts.en.what_happened).toMatch(/clock/);
    expect(texts.en.what_happened).toMatch(/private key and certificate serial/);
  });

  it('FREQUENCY_LIMIT_EXCEED says the console retries, paced under 200/min per IP and 1000/min', () => {
    const entry = explainUpstream({
      status: 429,
      code: 'FREQUENCY_LIMIT_EXCEED',
      message: '接口限频',
    });
    expect(entry.texts['zh-CN'].what_happened).toMatch(/自动等待后重试/);
    expect(entry.texts['zh-CN'].what_happened).toMatch(/1000 次.*200 次/);
    expect(entry.texts.en.what_happened).toMatch(/retries by itself/);
    expect(entry.texts.en.what_happened).toMatch(/1000 calls a minute per merchant and 200/);
  });
});

describe('explainUpstream: fallbacks', () => {
  it('an unknown message of a known code gets the code entry', () => {
    for (const [status, code] of SEED) {
      const entry = explainUpstream({ status, code, message: '某个从未见过的描述' });
      expect(entry.id).toBe(`upstream.${code}`);
      expect(entry.match.message).toBeUndefined();
    }
    expect(explainUpstream({ status: 400, code: 'PARAM_ERROR' }).id).toBe('upstream.PARAM_ERROR');
  });

  it.each([
    [400, 'upstream.status.400'],
    [401, 'upstream.status.401'],
    [403, 'upstream.status.403'],
    [404, 'upstream.status.404'],
    [429, 'upstream.status.429'],
    [500, 'upstream.status.5xx'],
    [502, 'upstream.status.5xx'],
    [504, 'upstream.status.5xx'],
  ])('an unknown code with status %i gets %s', (status, id) => {
    expect(explainUpstream({ status, code: 'BRAND_NEW_CODE', message: '批次不存在' }).id).toBe(id);
    expect(explainUpstream({ status, code: 'UNKNOWN', message: '<html>' }).id).toBe(id);
  });

  it('an unknown status gets the unknown entry', () => {
    expect(explainUpstream({ status: 418, code: 'TEAPOT' }).id).toBe('upstream.unknown');
    expect(explainUpstream({}).id).toBe('upstream.unknown');
  });

  it('never throws on junk', () => {
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'x',
      [],
      { status: '400' },
      { code: 7, message: {} },
    ];
    for (const value of junk) {
      expect(explainUpstream(value as never).id).toBe('upstream.unknown');
    }
    expect(explainUpstream({ status: 404, code: null, message: 3 }).id).toBe('upstream.status.404');
  });
});

describe('explainKind', () => {
  const kinds = [
    'invalid_input',
    'upstream_rejected',
    'rate_limited',
    'upstream_unavailable',
    'response_unsigned',
    'bad_signature',
    'unknown_serial',
    'stale_timestamp',
    'malformed_response',
  ] as const;

  it.each(kinds)('%s has its own complete client entry', (kind) => {
    const entry = explainKind(kind);
    expect(entry.id).toBe(`client.${kind}`);
    expectComplete(entry);
    expect(entry.retryable).toBe(kind === 'rate_limited' || kind === 'upstream_unavailable');
  });

  it.each(['timeout', 'network', 'server_error'] as const)(
    'upstream_unavailable caused by %s has its own entry',
    (cause) => {
      const entry = explainKind('upstream_unavailable', cause);
      expect(entry.id).toBe(`client.upstream_unavailable.${cause}`);
      expect(entry.retryable).toBe(true);
      expectComplete(entry);
    },
  );

  it('a cause does not change the entry of other kinds; an unknown kind gets the unknown entry', () => {
    expect(explainKind('bad_signature', 'timeout').id).toBe('client.bad_signature');
    expect(explainKind('nonsense' as never).id).toBe('upstream.unknown');
    expect(explainKind('toString' as never).id).toBe('upstream.unknown');
  });
});

describe('explainWechatPayError', () => {
  it('prefers WeChat Pay’s own code and message when it answered with them', () => {
    const error = {
      kind: 'upstream_rejected' as const,
      status: 404,
      upstream: { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
    };
    expect(explainWechatPayError(error).id).toBe('upstream.RESOURCE_NOT_EXISTS.stock_not_found');
    const limited = {
      kind: 'rate_limited' as const,
      status: 429,
      upstream: { code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' },
    };
    expect(explainWechatPayError(limited).id).toBe('upstream.FREQUENCY_LIMIT_EXCEED.rate_limited');
  });

  it('falls back to the status for refusals and to the kind for transient failures', () => {
    expect(explainWechatPayError({ kind: 'upstream_rejected', status: 403 }).id).toBe(
      'upstream.status.403',
    );
    expect(explainWechatPayError({ kind: 'upstream_rejected' }).id).toBe(
      'client.upstream_rejected',
    );
    expect(explainWechatPayError({ kind: 'rate_limited', status: 429 }).id).toBe(
      'client.rate_limited',
    );
    expect(
      explainWechatPayError({ kind: 'upstream_unavailable', status: 502, cause: 'server_error' })
        .id,
    ).toBe('client.upstream_unavailable.server_error');
    expect(explainWechatPayError({ kind: 'upstream_unavailable', cause: 'timeout' }).id).toBe(
      'client.upstream_unavailable.timeout',
    );
    expect(explainWechatPayError({ kind: 'bad_signature', status: 200 }).id).toBe(
      'client.bad_signature',
    );
  });
});

describe('explainApi and getExplanationById', () => {
  it.each(apiErrorCodeSchema.options)('%s has a complete entry', (code) => {
    const entry = explainApi(code);
    expectComplete(entry);
    expect(entry.id).not.toBe('upstream.unknown');
  });

  it('our own codes have api entries of their own', () => {
    const own = [
      'INVALID_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'RATE_LIMITED',
      'SCAN_NOT_STARTED',
      'SCAN_INTERRUPTED',
      'PAYLOAD_TOO_LARGE',
      'INTERNAL',
    ] as const;
    const ids = own.map((code) => explainApi(code).id);
    expect(ids).toEqual(own.map((code) => `api.${code.toLowerCase()}`));
    expect(explainApi('BAD_SIGNATURE').id).toBe('client.bad_signature');
    expect(explainApi('NO_SUCH_CODE' as never).id).toBe('api.internal');
  });

  it('finds entries by id', () => {
    expect(getExplanationById('client.bad_signature')?.source).toBe('client');
    expect(getExplanationById('upstream.PARAM_ERROR.page_size')?.match.message).toBe(
      '页大小超过阈值',
    );
    expect(getExplanationById('nope')).toBeUndefined();
  });
});
