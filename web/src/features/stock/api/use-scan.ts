import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { scanProgressSchema } from 'server/contract';
import { type StockTarget, stockPath } from '@/lib/stock-path';
import { codesSearchKey } from './codes-search-query';
import { scanKey, scanQuery } from './scan-query';

// The server may name its events or not; both carry one ScanProgress as JSON.
const EVENT_NAMES = ['message', 'progress'] as const;
const RECONNECT_AFTER_MS = 2000;

function parseEvent(event: Event) {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return undefined;
  try {
    const parsed = scanProgressSchema.safeParse(JSON.parse(event.data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts or joins the stock's full scan (or, without `canStart`, finds the one running or kept)
 * and follows it over server-sent events until it ends. Each event refreshes the search
 * results (without cancelling one in flight), and the last one refreshes them for certain.
 */
export function useScan(target: StockTarget, canStart: boolean, enabled = true) {
  const queryClient = useQueryClient();
  const scan = useQuery({ ...scanQuery(target, canStart), enabled });
  const running = scan.data?.state === 'running';
  const startedAt = scan.data?.started_at;
  const { stock, mchid } = target;

  useEffect(() => {
    if (!running || !startedAt) return;
    const key = { stock, mchid };
    const source = new EventSource(stockPath(key, '/scans/latest/events'));
    let retry: number | undefined;
    const onProgress = (event: Event) => {
      const progress = parseEvent(event);
      if (!progress) return;
      queryClient.setQueryData(scanKey(key), progress);
      const finished = progress.state !== 'running';
      void queryClient.invalidateQueries(
        { queryKey: codesSearchKey(key) },
        { cancelRefetch: finished },
      );
      if (finished) source.close();
    };
    for (const name of EVENT_NAMES) source.addEventListener(name, onProgress);
    source.onerror = () => {
      // A closed stream (server restart, proxy) is not an error to show: ask for the state again.
      if (source.readyState !== EventSource.CLOSED) return;
      retry = window.setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: scanKey(key) }),
        RECONNECT_AFTER_MS,
      );
    };
    return () => {
      source.close();
      window.clearTimeout(retry);
    };
  }, [running, startedAt, stock, mchid, queryClient]);

  return scan;
}
