import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './authorization';

const fields =
  'mchid="1900000109",nonce_str="ABC",timestamp="1554208460",serial_no="F57",signature="c2ln"';

describe('parseAuthorization', () => {
  it('reads the five fields in any order, with spaces after commas', () => {
    const shuffled =
      'signature="c2ln", serial_no="F57", timestamp="1554208460", nonce_str="ABC", mchid="1900000109"';
    for (const header of [
      `WECHATPAY2-SHA256-RSA2048 ${fields}`,
      `WECHATPAY2-SHA256-RSA2048 ${shuffled}`,
    ]) {
      expect(parseAuthorization(header)).toEqual({
        ok: true,
        fields: {
          mchid: '1900000109',
          nonce_str: 'ABC',
          timestamp: '1554208460',
          serial_no: 'F57',
          signature: 'c2ln',
        },
      });
    }
  });

  it('reports a wrong scheme apart from a malformed header', () => {
    expect(parseAuthorization(`WECHATPAY2-SHA256-RSA4096 ${fields}`)).toMatchObject({
      ok: false,
      reason: 'scheme',
    });
    expect(parseAuthorization(`Bearer ${fields}`)).toMatchObject({ ok: false, reason: 'scheme' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['no fields', 'WECHATPAY2-SHA256-RSA2048'],
    [
      'a field missing',
      'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="A",timestamp="1",serial_no="S"',
    ],
    ['a field twice', `WECHATPAY2-SHA256-RSA2048 ${fields},mchid="2"`],
    [
      'unquoted values',
      'WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=A,timestamp=1,serial_no=S,signature=x',
    ],
    [
      'a non-numeric timestamp',
      `WECHATPAY2-SHA256-RSA2048 ${fields.replace('1554208460', 'soon')}`,
    ],
  ])('rejects %s as a format error', (_name, header) => {
    const parsed = parseAuthorization(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toBe('format');
  });

  it('ignores extra fields, even ones named like Object.prototype members', () => {
    const parsed = parseAuthorization(
      `WECHATPAY2-SHA256-RSA2048 constructor="x",${fields},toString="y"`,
    );
    expect(parsed).toMatchObject({ ok: true, fields: { mchid: '1900000109' } });
  });

  it('keeps what it could read, so the 401 can echo the sign message', () => {
    const parsed = parseAuthorization('WECHATPAY2-SHA256-RSA2048 timestamp="12",nonce_str="N"');
    expect(parsed).toMatchObject({ ok: false, partial: { timestamp: '12', nonce_str: 'N' } });
  });
});
