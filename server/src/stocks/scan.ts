import type { ApiErrorPayload } from '../contract/error';
import type { ScanProgress, ScanState } from '../contract/stocks';
import type { OffsetMode } from '../wechatpay/client';
import { CodeIndex } from './code-index';
import { ETA_WINDOW, estimateEtaSeconds } from './eta';

export interface ScanTarget {
  stockId: string;
  stockCreatorMchid: string;
}

export interface PageArrival {
  data: readonly string[];
  requestId?: string;
  totalCount: number;
  at: number;
  /** What can be read, once the offset mode is known. */
  reachableCount: number | null;
  pagesTotal: number | null;
  offsetMode: OffsetMode | null;
}

export type ScanOutcome =
  | { state: 'done'; totalCount: number; reachableCount: number; truncated: boolean }
  | { state: 'failed' | 'interrupted'; error: ApiErrorPayload };

export type ScanListener = (progress: ScanProgress) => void;

const iso = (ms: number) => new Date(ms).toISOString();

/** One full scan of a stock: its codes so far, its progress and who is watching it. */
export class Scan {
  state: ScanState = 'running';
  readonly index = new CodeIndex();
  readonly requestIds: string[] = [];
  readonly controller = new AbortController();
  pagesDone = 0;
  pagesTotal: number | null = null;
  totalCount: number | null = null;
  reachableCount: number | null = null;
  truncated = false;
  offsetMode: OffsetMode | null = null;
  finishedAt: number | null = null;
  expiresAt: number | null = null;
  error: ApiErrorPayload | null = null;
  /** Who started the walk, whose turn its pages take in the pacer's line (see scan-walk.ts). */
  requester: string | undefined = undefined;
  private readonly pageTimes: number[] = [];
  private readonly listeners = new Set<ScanListener>();

  constructor(
    readonly target: ScanTarget,
    readonly startedAt: number,
  ) {}

  /** True only when the scan finished and read every code the stock has. */
  get complete(): boolean {
    return this.state === 'done' && !this.truncated;
  }

  addPage(page: PageArrival): void {
    this.index.add(page.data);
    if (page.requestId) this.requestIds.push(page.requestId);
    this.pagesDone += 1;
    this.totalCount = page.totalCount;
    this.reachableCount = page.reachableCount;
    this.offsetMode = page.offsetMode;
    // An auto-detection probe is one page more than the plan: never report done > total.
    this.pagesTotal = page.pagesTotal === null ? null : Math.max(page.pagesTotal, this.pagesDone);
    this.pageTimes.push(page.at);
    if (this.pageTimes.length > ETA_WINDOW) this.pageTimes.shift();
    this.emit();
  }

  finish(outcome: ScanOutcome, at: number): void {
    this.state = outcome.state;
    this.finishedAt = at;
    if (outcome.state === 'done') {
      this.totalCount = outcome.totalCount;
      this.reachableCount = outcome.reachableCount;
      this.truncated = outcome.truncated;
      this.pagesTotal = this.pagesDone;
    } else {
      this.error = outcome.error;
    }
  }

  progress(): ScanProgress {
    const running = this.state === 'running';
    return {
      stock_id: this.target.stockId,
      stock_creator_mchid: this.target.stockCreatorMchid,
      state: this.state,
      pages_done: this.pagesDone,
      pages_total: this.pagesTotal,
      codes_loaded: this.index.size,
      total_count: this.totalCount,
      reachable_count: this.reachableCount,
      truncated: this.truncated,
      started_at: iso(this.startedAt),
      finished_at: this.finishedAt === null ? null : iso(this.finishedAt),
      eta_seconds: running
        ? estimateEtaSeconds(this.pageTimes, this.pagesDone, this.pagesTotal)
        : null,
      error: this.error,
      offset_mode: this.offsetMode,
      expires_at: this.expiresAt === null ? null : iso(this.expiresAt),
      request_count: this.requestIds.length,
    };
  }

  /**
   * While running, `error` is the upstream answer the walk is waiting out before its retry
   * (a 429, a 5xx); null again once the page arrives. Watchers see it as it happens.
   */
  waitFor(reason: ApiErrorPayload | null, delayMs: number): void {
    if (this.state !== 'running' || (reason === null && this.error === null)) return;
    this.error = reason && { ...reason, retryAfterSeconds: Math.max(1, Math.ceil(delayMs / 1000)) };
    this.emit();
  }

  /** Calls `listener` on every page and once at the end; returns the unsubscribe function. */
  subscribe(listener: ScanListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every watcher; the last call (after finish) also lets them go. */
  emit(): void {
    const progress = this.progress();
    for (const listener of this.listeners) listener(progress);
    if (this.state !== 'running') this.listeners.clear();
  }
}
