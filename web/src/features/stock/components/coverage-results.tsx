import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageResponse } from 'server/contract';
import { ErrorPanel } from '@/components/error-panel';
import { downloadCoverageCsv } from '@/features/stock/api/coverage';
import type { StockTarget } from '@/lib/stock-path';
import { CoverageFilter, type Filter } from './coverage-filter';
import { type CoverageRow, CoverageTable } from './coverage-table';
import { EvidenceLine } from './evidence-line';

interface CoverageResultsProps {
  result: CoverageResponse;
  target: StockTarget;
  /** The codes checked, sent again for the CSV. */
  codes: readonly string[];
  waitingForScan: boolean;
}

/** Counts, a filter by result, the results table, a CSV download and the evidence line. */
export function CoverageResults({ result, target, codes, waitingForScan }: CoverageResultsProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const rows = useMemo<CoverageRow[]>(() => {
    const all = result.results.map((item, index) => ({ n: index + 1, ...item }));
    return filter === 'all' ? all : all.filter((row) => row.status === filter);
  }, [result, filter]);

  async function download() {
    setDownloadError(null);
    try {
      await downloadCoverageCsv(target, codes);
    } catch (error) {
      setDownloadError(error);
    }
  }

  return (
    <section className="card coverage-results" aria-labelledby="coverage-title">
      <div className="card-heading">
        <h3 id="coverage-title">{t('coverage.resultsTitle')}</h3>
        <button type="button" className="button-quiet" onClick={() => void download()}>
          {t('coverage.download')}
        </button>
      </div>
      {waitingForScan ? <p className="notice-inline">{t('coverage.waitingForScan')}</p> : null}
      {result.counts.unknown > 0 && !waitingForScan ? (
        <p className="notice-inline">
          {t(
            result.evidence.truncated ? 'coverage.unknownTruncated' : 'coverage.unknownIncomplete',
          )}
        </p>
      ) : null}
      {downloadError ? <ErrorPanel error={downloadError} onRetry={() => void download()} /> : null}
      <CoverageFilter
        counts={result.counts}
        total={result.results.length}
        value={filter}
        onChange={setFilter}
      />
      {rows.length === 0 ? (
        <p className="empty">{t('coverage.filterEmpty')}</p>
      ) : (
        <CoverageTable rows={rows} caption={t(`coverage.caption.${filter}`)} />
      )}
      <EvidenceLine result={result} mchid={target.mchid} />
    </section>
  );
}
