import { describe, expect, it } from 'vitest';
import { ConfigError, isLive, loadEnv } from './env';

const live = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_MERCHANT_SERIAL_NO: 'ABCDEF0123456789',
  WECHATPAY_PRIVATE_KEY_FILE: '/keys/apiclient_key.pem',
  WECHATPAY_PUBLIC_KEY_FILE: '/keys/pub_key.pem',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001092025',
};

describe('loadEnv', () => {
  it('runs on the sandbox at 127.0.0.1:8787 when nothing is set', () => {
    const env = loadEnv({});
    expect(isLive(env)).toBe(false);
    expect(env.PORT).toBe(8787);
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.WECHATPAY_ITEMS_OFFSET_MODE).toBe('auto');
  });

  it('reads CONSOLE_PUBLIC_URL as a list of origins and refuses a path or another scheme', () => {
    expect(loadEnv({}).CONSOLE_PUBLIC_URL).toEqual([]);
    const env = loadEnv({
      CONSOLE_PUBLIC_URL: ' https://Coupons.example.com , http://10.0.0.5:8787/ ',
    });
    expect(env.CONSOLE_PUBLIC_URL).toEqual(['https://coupons.example.com', 'http://10.0.0.5:8787']);
    for (const bad of ['https://coupons.example.com/console', 'ftp://x.example', 'coupons']) {
      expect(() => loadEnv({ CONSOLE_PUBLIC_URL: bad }), bad).toThrow(/CONSOLE_PUBLIC_URL/);
    }
  });

  it('sets explicit HTTP timeouts and a connection cap, headers within the request time', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 20_000,
      HTTP_REQUEST_TIMEOUT_MS: 60_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5_000,
      HTTP_MAX_CONNECTIONS: 1_000,
    });
    expect(() =>
      loadEnv({ HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '10000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS/);
  });

  it('accepts a complete public-key live configuration', () => {
    const env = loadEnv(live);
    expect(isLive(env)).toBe(true);
    expect(env.WECHATPAY_BASE_URL).toBe('https://api.mch.weixin.qq.com');
  });

  it('names every missing live variable', () => {
    const attempt = () => loadEnv({ WECHATPAY_MCHID: '1900000109' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/WECHATPAY_MERCHANT_SERIAL_NO/);
    expect(attempt).toThrow(/WECHATPAY_PRIVATE_KEY_FILE/);
    expect(attempt).toThrow(/WECHATPAY_PUBLIC_KEY_FILE/);
  });

  it('refuses a public key without its id, and an APIv3 key of the wrong length', () => {
    expect(() => loadEnv({ ...live, WECHATPAY_PUBLIC_KEY_ID: '' })).toThrow(
      /WECHATPAY_PUBLIC_KEY_ID/,
    );
    expect(() => loadEnv({ ...live, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/WECHATPAY_APIV3_KEY/);
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'x'.repeat(31);
    try {
      loadEnv({ ...live, WECHATPAY_APIV3_KEY: secret });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  it('rejects a port that is not a port', () => {
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT/);
  });
});
