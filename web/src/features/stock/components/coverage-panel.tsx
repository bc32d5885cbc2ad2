import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageResponse } from 'server/contract';
import { ErrorPanel } from '@/components/error-panel';
import { Loading } from '@/components/loading';
import { checkCoverage } from '@/features/stock/api/coverage';
import { scanKey } from '@/features/stock/api/scan-query';
import { useScan } from '@/features/stock/api/use-scan';
import { useCan } from '@/lib/session-context';
import type { StockTarget } from '@/lib/stock-path';
import { CodeInput } from './code-input';
import { CoverageResults } from './coverage-results';
import { ScanProgress } from './scan-progress';

interface CoveragePanelProps {
  target: StockTarget;
}

/**
 * Is each of these product codes one the stock applies to? Opening the tab starts (or joins)
 * the full scan; a check made while it runs is repeated by itself when the scan finishes. A
 * role that may not join scans would find the scan the check itself started.
 */
export function CoveragePanel({ target }: CoveragePanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canScan = useCan('search');
  const scan = useScan(target, canScan);
  // The last answer stays on screen while a newer check runs (like keepPreviousData).
  const [result, setResult] = useState<CoverageResponse>();
  const { mutate, isPending, isError, error } = useMutation({
    mutationFn: (codes: string[]) => checkCoverage(target, codes),
    onSuccess: (answer) => {
      setResult(answer);
      if (!canScan) void queryClient.invalidateQueries({ queryKey: scanKey(target) });
    },
  });
  const lastCodes = useRef<string[]>([]);
  const scanState = scan.data?.state;
  const checkedWhileRunning = result?.evidence.scan_state === 'running';

  useEffect(() => {
    if (checkedWhileRunning && scanState === 'done' && !isPending) mutate(lastCodes.current);
  }, [checkedWhileRunning, scanState, isPending, mutate]);

  function submit(codes: string[]) {
    lastCodes.current = codes;
    mutate(codes);
  }

  return (
    <div className="coverage">
      {scan.isError ? <ErrorPanel error={scan.error} onRetry={() => void scan.refetch()} /> : null}
      {scan.isPending ? <Loading label={t('scan.starting')} /> : null}
      {scan.data ? <ScanProgress target={target} progress={scan.data} /> : null}
      <CodeInput onSubmit={submit} busy={isPending} />
      {isError ? <ErrorPanel error={error} onRetry={() => mutate(lastCodes.current)} /> : null}
      {isPending ? <Loading label={t('coverage.checking')} /> : null}
      {result ? (
        <CoverageResults
          result={result}
          target={target}
          codes={lastCodes.current}
          waitingForScan={checkedWhileRunning && scanState === 'running'}
        />
      ) : null}
    </div>
  );
}
