import { createInstance } from 'i18next';
import { z } from 'zod';
import { type ExplanationText, explanationTextSchema } from '../contract/explanation';

/** One locale file: the phrases many texts share, then each explanation's text by its id. */
export const localeFileSchema = z.strictObject({
  phrases: z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1)),
  explanations: z.record(z.string(), z.strictObject(explanationTextSchema.shape)),
});
export type LocaleFile = z.infer<typeof localeFileSchema>;

const FIELDS = [
  'title',
  'what_happened',
  'operator_action',
  'support_script',
  'quote_to_wechatpay',
] as const;

// i18next's nesting syntax, `$t(phrases.name)` or `$t(phrases.name, {'answer': '…'})`.
const NESTED_KEY = /\$t\(\s*([^,)\s]+)/g;
const UNRESOLVED = /\$t\(|\{\{|\}\}/;

/** The phrase keys a string nests. */
export function nestedKeys(text: string): string[] {
  return [...text.matchAll(NESTED_KEY)].map((match) => match[1] ?? '');
}

// Flat keys (i18next's key separator off), so ids with dots need no escaping: `phrases.quote`,
// `upstream.unknown.title`, `upstream.unknown.causes.0`.
function flatten(file: LocaleFile): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, text] of Object.entries(file.phrases)) flat[`phrases.${name}`] = text;
  for (const [id, text] of Object.entries(file.explanations)) {
    for (const field of FIELDS) flat[`${id}.${field}`] = text[field];
    text.causes.forEach((cause, i) => {
      flat[`${id}.causes.${i}`] = cause;
    });
  }
  return flat;
}

/**
 * Resolves one locale file's nested phrases with i18next. Throws, naming the locale, the key
 * and the problem, on a nested phrase that does not exist, a missing `{{variable}}`, or
 * anything left unresolved.
 */
export function resolveLocale(locale: string, data: unknown): Map<string, ExplanationText> {
  const parsed = localeFileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`locale ${locale}: ${z.prettifyError(parsed.error)}`);
  const file = parsed.data;
  const flat = flatten(file);
  const problems: string[] = [];
  for (const [key, text] of Object.entries(flat)) {
    for (const nested of nestedKeys(text)) {
      if (!Object.hasOwn(flat, nested) || !nested.startsWith('phrases.')) {
        problems.push(`${key} nests ${nested}, which is not a phrase`);
      }
    }
  }
  const i18n = createInstance();
  void i18n.init({
    lng: locale,
    fallbackLng: false,
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    resources: { [locale]: { translation: flat } },
    interpolation: { escapeValue: false },
    missingInterpolationHandler: (text: string, match: RegExpExecArray) => {
      problems.push(`no value for ${match[0]} in “${text}”`);
      return match[0];
    },
  });
  const t = (key: string): string => {
    const text = i18n.t(key);
    if (UNRESOLVED.test(text)) problems.push(`${key} left “${text}”`);
    return text;
  };
  const texts = new Map<string, ExplanationText>();
  for (const [id, raw] of Object.entries(file.explanations)) {
    texts.set(id, {
      title: t(`${id}.title`),
      what_happened: t(`${id}.what_happened`),
      causes: raw.causes.map((_, i) => t(`${id}.causes.${i}`)),
      operator_action: t(`${id}.operator_action`),
      support_script: t(`${id}.support_script`),
      quote_to_wechatpay: t(`${id}.quote_to_wechatpay`),
    });
  }
  if (problems.length > 0) throw new Error(`locale ${locale}: ${problems.join('; ')}`);
  return texts;
}
