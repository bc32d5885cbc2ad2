import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import { LANGUAGES, type Language } from './i18n-languages';

const STORAGE_KEY = 'ccc.language';

function rememberedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
});

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
}

i18n.on('languageChanged', (language) => {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  applyLanguage(language);
});
applyLanguage(i18n.language);

export { i18n };
