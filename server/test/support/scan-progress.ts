import { type ScanProgress, scanProgressSchema } from '../../src/contract/stocks';
import { type ConsoleTab, call } from './replica-cluster';

export const CREATOR = '1900000109';

/** The latest scan of a stock as one replica reports it. */
export async function latestScan(tab: ConsoleTab, stockId: string): Promise<ScanProgress> {
  const res = await call(
    tab,
    'GET',
    `/api/stocks/${stockId}/scans/latest?stock_creator_mchid=${CREATOR}`,
  );
  if (res.status !== 200) throw new Error(`latest scan: ${res.status} ${JSON.stringify(res.body)}`);
  return scanProgressSchema.parse(res.body);
}

/** Starts (or joins) a scan through one replica. */
export async function startScan(tab: ConsoleTab, stockId: string): Promise<ScanProgress> {
  const res = await call(tab, 'POST', `/api/stocks/${stockId}/scans`, {
    stock_creator_mchid: CREATOR,
  });
  if (res.status !== 200 && res.status !== 202) {
    throw new Error(`start scan: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return scanProgressSchema.parse(res.body);
}

/** Polls until `accept` holds, returning the progress that satisfied it. */
export async function waitForScan(
  tab: ConsoleTab,
  stockId: string,
  accept: (progress: ScanProgress) => boolean,
  timeoutMs = 30_000,
): Promise<ScanProgress> {
  const deadline = Date.now() + timeoutMs;
  let last: ScanProgress | undefined;
  while (Date.now() < deadline) {
    last = await latestScan(tab, stockId).catch(() => last);
    if (last && accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`scan of ${stockId} never got there: ${JSON.stringify(last)}`);
}

/**
 * Reads a scan's server-sent events on one replica until the stream ends, as the web app's
 * progress bar does; returns every progress event received.
 */
export async function readProgressEvents(
  tab: ConsoleTab,
  stockId: string,
): Promise<ScanProgress[]> {
  const res = await fetch(
    `${tab.base}/api/stocks/${stockId}/scans/latest/events?stock_creator_mchid=${CREATOR}`,
    { headers: { cookie: tab.cookie, accept: 'text/event-stream' } },
  );
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  const text = await res.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => scanProgressSchema.parse(JSON.parse(line.slice('data: '.length))));
}
