export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Narrows whatever i18next reports to one of our two languages (zh-CN unless it is English). */
export function toLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}
