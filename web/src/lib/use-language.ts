import { useTranslation } from 'react-i18next';
import { type Language, toLanguage } from './i18n-languages';

/** The language the screen is in, as one of ours (for Intl and the explanation texts). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
