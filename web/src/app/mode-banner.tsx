import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { healthQuery } from './health-query';

/** Sandbox or live, impossible to miss; the only status region on the start page. */
export function ModeBanner() {
  const { t } = useTranslation();
  const health = useQuery(healthQuery);
  if (health.isPending) return <p className="banner">{t('mode.loading')}</p>;
  if (health.isError) {
    return (
      <p role="alert" className="banner banner-error">
        {t('mode.unreachable')}
      </p>
    );
  }
  return (
    <>
      <p role="status" className={`banner banner-${health.data.mode}`}>
        {t(health.data.mode === 'sandbox' ? 'mode.sandbox' : 'mode.live')}
      </p>
      {health.data.status === 'degraded' && (
        <p role="alert" className="banner banner-error">
          {t('mode.degraded')}
        </p>
      )}
    </>
  );
}
