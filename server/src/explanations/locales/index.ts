import type { ExplanationLocale } from '../../contract/explanation';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The one list of locale files. A new language is its JSON file beside this one, a line here
 * and its code in `explanationLocaleSchema` (contract/explanation.ts), which the web reads too.
 */
export const localeFiles: Record<ExplanationLocale, unknown> = { 'zh-CN': zhCN, en };
