import { describe, expect, it } from 'vitest';
import { type Explanation, explanationCatalogSchema } from '../contract/explanation';
import { explanationCatalog } from './catalog';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const entries = explanationCatalog.explanations;
// Plain phrases (they nest nothing), so the file's text is the text served.
const NOT_FROM_THIS_LOOKUP = {
  zh: zhCN.phrases.not_from_this_lookup,
  en: en.phrases.not_from_this_lookup,
};
const UNPROVEN = { zh: zhCN.phrases.unproven, en: en.phrases.unproven };
const HAN = /\p{Script=Han}/u;
// Full-width and CJK punctuation give away a half-translated English text too.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function strings(entry: Explanation, locale: 'zh-CN' | 'en'): [string, string][] {
  const text = entry.texts[locale];
  return [
    ['title', text.title],
    ['what_happened', text.what_happened],
    ...text.causes.map((cause, i): [string, string] => [`causes[${i}]`, cause]),
    ['operator_action', text.operator_action],
    ['support_script', text.support_script],
    ['quote_to_wechatpay', text.quote_to_wechatpay],
  ];
}

describe('the explanation catalog', () => {
  it('survives the wire: JSON round trip through the shared schema', () => {
    const wire = JSON.parse(JSON.stringify(explanationCatalog));
    expect(explanationCatalogSchema.parse(wire)).toEqual(explanationCatalog);
    expect(entries.length).toBeGreaterThan(60);
  });

  it('has unique ids, each prefixed by its source', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) expect(entry.id.startsWith(`${entry.source}.`)).toBe(true);
  });

  it('is frozen, so no caller can reword it for everyone', () => {
    const first = entries[0];
    expect(Object.isFrozen(explanationCatalog)).toBe(true);
    expect(first && Object.isFrozen(first.texts['zh-CN'].causes)).toBe(true);
  });

  it('writes every zh-CN string in Chinese and no en string with Chinese characters', () => {
    for (const entry of entries) {
      for (const [field, value] of strings(entry, 'zh-CN')) {
        expect(HAN.test(value), `${entry.id} zh-CN ${field}: ${value}`).toBe(true);
      }
      for (const [field, value] of strings(entry, 'en')) {
        expect(CJK.test(value), `${entry.id} en ${field}: ${value}`).toBe(false);
      }
    }
  });

  it('marks retryable only rate limits, 5xx, timeouts and network failures', () => {
    for (const entry of entries) {
      const status = entry.match.status;
      const transient =
        status === 429 ||
        (status !== undefined && status >= 500) ||
        entry.id === 'client.rate_limited' ||
        entry.id.startsWith('client.upstream_unavailable');
      expect(entry.retryable, entry.id).toBe(transient);
    }
  });

  it('says "not from this lookup" exactly on the entries that cannot come from it', () => {
    const upstream = entries.filter((entry) => entry.source === 'upstream');
    for (const entry of upstream) {
      const zh = entry.texts['zh-CN'].what_happened.includes(NOT_FROM_THIS_LOOKUP.zh);
      const en = entry.texts.en.what_happened.includes(NOT_FROM_THIS_LOOKUP.en);
      expect([zh, en], entry.id).toEqual([
        !entry.producible_by_lookup,
        !entry.producible_by_lookup,
      ]);
    }
    // Client and API entries describe the console's own lookups.
    for (const entry of entries.filter((entry) => entry.source !== 'upstream')) {
      expect(entry.producible_by_lookup, entry.id).toBe(true);
    }
  });

  it('names the Request-ID in what to quote for everything WeChat Pay answered', () => {
    // Our API's own errors and the client's pre-send check never reached WeChat Pay.
    const answered = entries.filter(
      (entry) => entry.source !== 'api' && entry.id !== 'client.invalid_input',
    );
    for (const entry of answered) {
      expect(entry.texts['zh-CN'].quote_to_wechatpay, entry.id).toContain('Request-ID');
      expect(entry.texts.en.quote_to_wechatpay, entry.id).toContain('Request-ID');
    }
  });

  it('tells, for every verification failure, that nothing was shown and retrying will not help', () => {
    const verification = [
      'client.response_unsigned',
      'client.bad_signature',
      'client.unknown_serial',
      'client.stale_timestamp',
    ];
    for (const id of verification) {
      const entry = entries.find((candidate) => candidate.id === id);
      expect(entry?.retryable, id).toBe(false);
      expect(entry?.texts['zh-CN'].what_happened, id).toContain(UNPROVEN.zh);
      expect(entry?.texts.en.what_happened, id).toContain(UNPROVEN.en);
    }
    const malformed = entries.find((entry) => entry.id === 'client.malformed_response');
    expect(malformed?.texts['zh-CN'].what_happened).toMatch(/没有显示.*重试不能解决/);
    expect(malformed?.texts.en.what_happened).toMatch(
      /shows none of the data.*Retrying will not help/,
    );
  });

  it('points the operator at the platform key or certificate and the server clock', () => {
    const text = (id: string) => entries.find((entry) => entry.id === id)?.texts;
    expect(text('client.bad_signature')?.['zh-CN'].operator_action).toMatch(
      /微信支付公钥.*平台证书/,
    );
    expect(text('client.unknown_serial')?.en.operator_action).toMatch(/PUB_KEY_ID_/);
    expect(text('client.stale_timestamp')?.['zh-CN'].operator_action).toMatch(/NTP/);
    expect(text('client.stale_timestamp')?.en.operator_action).toMatch(/NTP/);
  });
});
