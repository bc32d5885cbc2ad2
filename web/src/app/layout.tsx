import { useTranslation } from 'react-i18next';
import { ANNOUNCER_ID } from '../lib/announce';
import { Console } from './console';
import { ModeBanner } from './mode-banner';

export function Layout() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <button type="button" lang={other} onClick={() => void i18n.changeLanguage(other)}>
          {t('app.language')}
        </button>
      </header>
      <ModeBanner />
      <Console />
      {/* The one polite live region for off-focus news (copied, search results). */}
      <div id={ANNOUNCER_ID} className="visually-hidden" aria-live="polite" aria-atomic="true" />
    </div>
  );
}
