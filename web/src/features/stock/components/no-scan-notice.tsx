import { useTranslation } from 'react-i18next';

interface NoScanNoticeProps {
  onCheckAgain: () => void;
  busy: boolean;
}

/**
 * Search reads the stock's full scan, and this role may not start one (POST …/scans is for
 * operators): say so, and how to get one, instead of calling an endpoint that would refuse.
 */
export function NoScanNotice({ onCheckAgain, busy }: NoScanNoticeProps) {
  const { t } = useTranslation();
  return (
    <section className="scan" aria-labelledby="scan-title">
      <h3 id="scan-title" className="section-title">
        {t('scan.title')}
      </h3>
      <p className="notice-inline">{t('scan.notStarted')}</p>
      <p className="scan-actions">
        <button type="button" className="button-quiet" onClick={onCheckAgain} disabled={busy}>
          {t('scan.checkAgain')}
        </button>
      </p>
    </section>
  );
}
