import { useTranslation } from 'react-i18next';
import type { ScanProgress } from 'server/contract';
import { formatCount, splitDuration } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';

const RATE_LIMIT_CODES = new Set(['UPSTREAM_RATE_LIMITED', 'RATE_LIMITED']);

interface ScanCountersProps {
  progress: ScanProgress;
}

/** The bar and the numbers behind it: pages done of total, codes loaded, time left. */
export function ScanCounters({ progress }: ScanCountersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = progress.pages_total;
  const waiting =
    progress.state === 'running' && progress.error && RATE_LIMIT_CODES.has(progress.error.code);
  const eta = progress.eta_seconds === null ? null : splitDuration(progress.eta_seconds);
  const done = progress.state === 'done';
  return (
    <div className="scan-counters">
      <progress
        aria-label={t('scan.bar')}
        // Without a total the bar is indeterminate rather than a guess.
        value={done ? 1 : total === null ? undefined : progress.pages_done}
        max={done ? 1 : (total ?? undefined)}
      />
      <p>
        {total === null
          ? t('scan.pagesUnknown', { done: formatCount(progress.pages_done, language) })
          : t('scan.pages', {
              done: formatCount(progress.pages_done, language),
              total: formatCount(total, language),
            })}
        {' · '}
        {t('scan.codes', {
          count: progress.codes_loaded,
          formatted: formatCount(progress.codes_loaded, language),
        })}
        {progress.state === 'running' ? (
          <>
            {' · '}
            {eta === null
              ? t('scan.etaUnknown')
              : eta.minutes > 0
                ? t('scan.etaMinutes', { minutes: eta.minutes, seconds: eta.seconds })
                : t('scan.etaSeconds', { count: eta.seconds })}
          </>
        ) : null}
      </p>
      {waiting ? (
        <p className="notice-inline">
          {progress.error?.retryAfterSeconds
            ? t('scan.rateLimitedFor', { count: Math.ceil(progress.error.retryAfterSeconds) })
            : t('scan.rateLimited')}
        </p>
      ) : null}
    </div>
  );
}
