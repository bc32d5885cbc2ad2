import {
  type Explanation,
  type ExplanationCatalog,
  type ExplanationLocale,
  type ExplanationText,
  explanationCatalogSchema,
  explanationLocaleSchema,
} from '../contract/explanation';
import { resolveLocale } from './locale-texts';
import { localeFiles } from './locales';
import { explanationRules } from './rules';

/** Throws at load on a second entry with the same id or the same upstream code + message. */
function assertUnique(entries: readonly Explanation[]): void {
  const ids = new Set<string>();
  const rows = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`duplicate explanation id ${entry.id}`);
    ids.add(entry.id);
    const { code, message } = entry.match;
    if (entry.source !== 'upstream' || !code || !message) continue;
    const row = `${code}\n${message}`;
    if (rows.has(row)) throw new Error(`two explanations for ${code} ${message}`);
    rows.add(row);
  }
}

/** Throws unless every locale has a text for exactly the ids of the rules. */
function assertParity(locale: string, texts: ReadonlyMap<string, ExplanationText>): void {
  const ids = new Set(explanationRules.map((rule) => rule.id));
  const missing = [...ids].filter((id) => !texts.has(id));
  const extra = [...texts.keys()].filter((id) => !ids.has(id));
  if (missing.length > 0) throw new Error(`locale ${locale} has no text for ${missing.join(', ')}`);
  if (extra.length > 0)
    throw new Error(`locale ${locale} has texts for no rule: ${extra.join(', ')}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// Validated once at load: a typo in a rule or a text fails the server's start and every test.
function load(): ExplanationCatalog {
  const byLocale = explanationLocaleSchema.options.map((locale: ExplanationLocale) => {
    const texts = resolveLocale(locale, localeFiles[locale]);
    assertParity(locale, texts);
    return [locale, texts] as const;
  });
  const catalog = explanationCatalogSchema.parse({
    explanations: explanationRules.map((rule) => ({
      ...rule,
      texts: Object.fromEntries(byLocale.map(([locale, texts]) => [locale, texts.get(rule.id)])),
    })),
  });
  assertUnique(catalog.explanations);
  return deepFreeze(catalog);
}

/** Every explanation, zh-CN and en: the body of GET /api/explanations. Frozen. */
export const explanationCatalog: ExplanationCatalog = load();

/** Entries by id, for the lookups in find-explanation.ts. */
export const explanationsById: ReadonlyMap<string, Explanation> = new Map(
  explanationCatalog.explanations.map((entry) => [entry.id, entry]),
);
