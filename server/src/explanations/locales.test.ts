import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explanationLocaleSchema } from '../contract/explanation';
import { explanationCatalog } from './catalog';
import { type LocaleFile, localeFileSchema, nestedKeys, resolveLocale } from './locale-texts';
import { localeFiles } from './locales';
import { explanationRules } from './rules';

const locales = explanationLocaleSchema.options;
const files = locales.map(
  (locale) => [locale, localeFileSchema.parse(localeFiles[locale])] as const,
);
const ruleIds = explanationRules.map((rule) => rule.id).sort();

function rawStrings(file: LocaleFile): [string, string][] {
  const phrases = Object.entries(file.phrases).map(([name, text]): [string, string] => [
    `phrases.${name}`,
    text,
  ]);
  const texts = Object.entries(file.explanations).flatMap(([id, text]) =>
    Object.entries(text).flatMap(([field, value]) =>
      (Array.isArray(value) ? value : [value]).map((item): [string, string] => [
        `${id}.${field}`,
        item,
      ]),
    ),
  );
  return [...phrases, ...texts];
}

describe('the locale files', () => {
  it('are exactly the files in locales/, one per locale of the contract', () => {
    const inFolder = readdirSync(new URL('./locales', import.meta.url))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    expect(inFolder).toEqual([...locales].sort());
    expect(Object.keys(localeFiles).sort()).toEqual([...locales].sort());
  });

  it('give every rule a text with every field in every locale, and no text without a rule', () => {
    for (const [locale, file] of files) {
      expect(Object.keys(file.explanations).sort(), locale).toEqual(ruleIds);
    }
  });

  it('have the same phrases and the same number of causes in every locale', () => {
    const [first, ...others] = files;
    if (!first) throw new Error('no locale');
    for (const [locale, file] of others) {
      expect(Object.keys(file.phrases).sort(), locale).toEqual(
        Object.keys(first[1].phrases).sort(),
      );
      for (const id of ruleIds) {
        expect(file.explanations[id]?.causes.length, `${locale} ${id}`).toBe(
          first[1].explanations[id]?.causes.length,
        );
      }
    }
  });

  it('nest only phrases that exist in the same locale', () => {
    for (const [locale, file] of files) {
      for (const [key, text] of rawStrings(file)) {
        for (const nested of nestedKeys(text)) {
          expect(nested.replace(/^phrases\./, ''), `${locale} ${key}`).toBeOneOf(
            Object.keys(file.phrases),
          );
        }
      }
    }
  });

  it('resolve to plain text: no $t(, {{ or }} left in any served explanation', () => {
    for (const entry of explanationCatalog.explanations) {
      for (const locale of locales) {
        const text = entry.texts[locale];
        for (const value of [...Object.values(text)].flat()) {
          expect(value, `${entry.id} ${locale}`).not.toMatch(/\$t\(|\{\{|\}\}/);
        }
      }
    }
  });

  it('resolve a phrase with its values in place', () => {
    const texts = resolveLocale('en', {
      phrases: { items: 'the Request-ID', quote: 'Quote $t(phrases.items) and {{answer}}.' },
      explanations: {
        'upstream.x': {
          title: 'T',
          what_happened: 'W',
          causes: ['C'],
          operator_action: 'O',
          support_script: 'S',
          quote_to_wechatpay: "$t(phrases.quote, {'answer': 'HTTP 400 PARAM_ERROR'}) More.",
        },
      },
    });
    expect(texts.get('upstream.x')?.quote_to_wechatpay).toBe(
      'Quote the Request-ID and HTTP 400 PARAM_ERROR. More.',
    );
  });

  it('refuse to load a text that nests a missing phrase or leaves a value out', () => {
    const text = {
      title: 'T',
      what_happened: 'W',
      causes: ['C'],
      operator_action: 'O',
      support_script: 'S',
      quote_to_wechatpay: 'Q',
    };
    const withQuote = (quote: string) => ({
      phrases: { quote: 'Quote {{answer}}.' },
      explanations: { 'upstream.x': { ...text, quote_to_wechatpay: quote } },
    });
    expect(() => resolveLocale('fr', withQuote('$t(phrases.qoute)'))).toThrow(
      /upstream\.x\.quote_to_wechatpay nests phrases\.qoute/,
    );
    expect(() => resolveLocale('fr', withQuote('$t(phrases.quote)'))).toThrow(/\{\{answer\}\}/);
    expect(() => resolveLocale('fr', { phrases: {}, explanations: { 'upstream.x': {} } })).toThrow(
      /locale fr.*title/s,
    );
  });
});
