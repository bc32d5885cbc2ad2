import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanProgress as Progress } from 'server/contract';
import { ErrorPanel } from '@/components/error-panel';
import { scanKey, startScan } from '@/features/stock/api/scan-query';
import { isTruncated } from '@/features/stock/lib/search-wording';
import { ApiError } from '@/lib/api/error';
import { formatCount, formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/session-context';
import { type StockTarget, stockPath } from '@/lib/stock-path';
import { useLanguage } from '@/lib/use-language';
import { ScanCounters } from './scan-counters';

interface ScanProgressProps {
  target: StockTarget;
  progress: Progress;
}

/**
 * Where the full scan stands: a progress bar, pages and codes so far, the ETA, a wait for
 * WeChat Pay's rate limit, the truncation WeChat Pay imposes, and a way to read it all again.
 */
export function ScanProgress({ target, progress }: ScanProgressProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  // Reading again is a new scan (operators); the full-code CSV is not for support either.
  const canScan = useCan('scan');
  const canExport = useCan('code_export');
  const restart = useMutation({
    mutationFn: () => startScan(target, true),
    onSuccess: (next) => queryClient.setQueryData(scanKey(target), next),
  });
  const running = progress.state === 'running';
  const failed = progress.state === 'failed' || progress.state === 'interrupted';
  // One ApiError per wire error, so the panel's retry countdown is not restarted by re-renders.
  const scanError = useMemo(
    () =>
      progress.error ? new ApiError('api', progress.error.status, progress.error, null) : null,
    [progress.error],
  );
  const truncated = isTruncated(progress.reachable_count, progress.total_count, progress.truncated);

  return (
    <section className="scan" aria-labelledby="scan-title">
      <h3 id="scan-title" className="section-title">
        {t('scan.title')}
      </h3>
      {/* One short sentence that changes only with the state, so screen readers hear each step once. */}
      <p role="status" className="scan-state">
        {t(`scan.state.${progress.state}`)}
      </p>
      {failed ? null : <ScanCounters progress={progress} />}
      {truncated && progress.reachable_count !== null && progress.total_count !== null ? (
        <p className="notice-inline">
          {t('scan.truncated', {
            reachable: formatCount(progress.reachable_count, language),
            total: formatCount(progress.total_count, language),
            missing: formatCount(progress.total_count - progress.reachable_count, language),
          })}
        </p>
      ) : null}
      {progress.state === 'done' && progress.finished_at ? (
        <p className="scan-done">
          {t('scan.finishedAt', { time: formatDateTime(progress.finished_at, language) })}
          {progress.expires_at
            ? ` ${t('scan.cachedUntil', { time: formatDateTime(progress.expires_at, language) })}`
            : null}
        </p>
      ) : null}
      {failed && scanError ? (
        <ErrorPanel error={scanError} onRetry={canScan ? () => restart.mutate() : undefined} />
      ) : null}
      {restart.isError ? (
        <ErrorPanel error={restart.error} onRetry={() => restart.mutate()} />
      ) : null}
      {running || failed || !(canScan || canExport) ? null : (
        <p className="scan-actions">
          {canScan ? (
            <button
              type="button"
              className="button-quiet"
              onClick={() => restart.mutate()}
              disabled={restart.isPending}
            >
              {t('scan.readAgain')}
            </button>
          ) : null}
          {canExport ? (
            <a href={stockPath(target, '/codes.csv')} download>
              {t('scan.downloadAll')}
            </a>
          ) : null}
        </p>
      )}
    </section>
  );
}
