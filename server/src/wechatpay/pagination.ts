import type { OffsetMode, WechatPayClient } from './client';
import { toWechatPayError, type WechatPayError } from './errors';
import { detectOffsetMode, type ItemsOffsetMode, planOffsets, reachableCount } from './offset-mode';
import type { ItemsPage } from './schemas';

export type { ItemsOffsetMode } from './offset-mode';

export type WalkPage = {
  index: number;
  offset: number;
  data: string[];
  requestId?: string;
  totalCount: number;
};
/**
 * Where an earlier walk of the same stock stopped: the pages it emitted (its first `pages`
 * planned reads, in order) and every code they gave. The mode may be unknown only while that
 * walk had emitted just its first page, which then serves as the first page of the detection.
 */
export type WalkResume = {
  mode?: OffsetMode;
  totalCount: number;
  pages: number;
  codes: readonly string[];
};
export type WalkOptions = {
  stockId: string;
  stockCreatorMchid: string;
  limit?: number;
  mode: ItemsOffsetMode;
  /** Continue that walk instead of starting over: no page it emitted is read again. */
  resume?: WalkResume;
};
export type WalkHooks = {
  onPage?: (page: WalkPage) => void | Promise<void>;
  signal?: AbortSignal;
};
type WalkProgress = {
  mode?: OffsetMode;
  totalCount?: number;
  reachableCount?: number;
  truncated?: boolean;
  requestIds: string[];
  codesLoaded: number;
};
export type WalkResult =
  | (WalkProgress & {
      ok: true;
      totalCount: number;
      reachableCount: number;
      truncated: boolean;
      pages: number;
    })
  | (WalkProgress & { ok: false; error: WechatPayError; pagesDone: number });

/** A walk whose pages contradict each other: no single page is malformed, the whole is. */
function inconsistent(message: string, requestId?: string): WechatPayError {
  const error = toWechatPayError({ local: { kind: 'malformed_response', message } });
  return requestId ? { ...error, requestId } : error;
}

/**
 * Rule (items pagination): read every reachable code of a stock, page by page. The plan comes
 * from total_count, never from an empty page (WeChat Pay answers past the end with an error);
 * any error ends the walk and is returned with the honest partial progress. A stock's codes are
 * unique, so a page repeating an earlier page's code (pages overlap: the offset reading is wrong)
 * or a walk ending with fewer codes than it planned (a short page) fails rather than passing a
 * partial list off as complete. In both offset readings the k-th emitted page is the k-th
 * planned read, which is what lets a walk resume where another one stopped.
 */
export async function walkItems(
  client: WechatPayClient,
  options: WalkOptions,
  hooks: WalkHooks = {},
): Promise<WalkResult> {
  const { stockId, stockCreatorMchid, limit = 100 } = options;
  const { onPage, signal } = hooks;
  const progress: WalkProgress = { requestIds: [], codesLoaded: 0 };
  let pagesDone = 0;
  const seen = new Set<string>();
  const fetchPage = (offset: number) =>
    client.listAvailableItems({ stockId, stockCreatorMchid, offset, limit }, { signal });
  const emit = async (offset: number, page: ItemsPage, requestId: string | undefined, skip = 0) => {
    const data = skip > 0 ? page.data.slice(skip) : page.data;
    const repeated = data.filter((code) => seen.has(code)).length;
    if (repeated > 0) {
      const why = `the page at offset ${offset} repeats ${repeated} code(s) of earlier pages`;
      const hint = `is WECHATPAY_ITEMS_OFFSET_MODE (${options.mode}) how this endpoint reads offset?`;
      return inconsistent(`${why}: ${hint}`, requestId);
    }
    for (const code of data) seen.add(code);
    const totalCount = progress.totalCount ?? page.total_count;
    await onPage?.({ index: pagesDone, offset, data, requestId, totalCount });
    pagesDone += 1;
    progress.codesLoaded += data.length;
    return undefined;
  };
  const read = async (offset: number) => {
    const result = await fetchPage(offset);
    if (result.ok && result.requestId) progress.requestIds.push(result.requestId);
    return result;
  };
  const failed = (error: WechatPayError): WalkResult => ({
    ...progress,
    ok: false,
    error,
    pagesDone,
  });

  const resume = options.resume && options.resume.pages > 0 ? options.resume : undefined;
  let firstPage: ItemsPage;
  if (resume) {
    firstPage = resumedFirstPage(resume, options);
    for (const code of resume.codes) seen.add(code);
    pagesDone = resume.pages;
    progress.codesLoaded = seen.size;
  } else {
    const first = await read(0);
    if (!first.ok) return failed(first.error);
    firstPage = first.data;
    await emit(0, first.data, first.requestId);
  }
  const totalCount = resume?.totalCount ?? firstPage.total_count;
  progress.totalCount = totalCount;

  let mode: OffsetMode | undefined =
    options.mode === 'auto' ? (client.offsetMode() ?? resume?.mode) : options.mode;
  // What another replica detected from data is as good as detecting it here.
  if (options.mode === 'auto' && mode && !client.offsetMode()) client.rememberOffsetMode(mode);
  if (mode === undefined && totalCount > limit) {
    const second = await read(1);
    if (!second.ok) return failed(second.error);
    const detected = detectOffsetMode(firstPage, second.data);
    if (detected) client.rememberOffsetMode(detected);
    mode = detected ?? 'page';
    // Under page semantics offset 1 is the second page: keep it instead of asking again.
    if (mode === 'page') {
      const broken = await emit(1, second.data, second.requestId);
      if (broken) return failed(broken);
    }
  }
  const effective = mode ?? 'page';
  const reachable = reachableCount(effective, totalCount, limit);
  Object.assign(progress, { mode, reachableCount: reachable, truncated: totalCount > reachable });

  for (const { offset, skip } of planOffsets(effective, reachable, limit).slice(pagesDone)) {
    const page = await read(offset);
    if (!page.ok) return failed(page.error);
    const broken = await emit(offset, page.data, page.requestId, skip);
    if (broken) return failed(broken);
  }
  if (seen.size !== reachable) {
    const why = `read ${seen.size} codes where total_count ${totalCount} promised ${reachable}`;
    return failed(inconsistent(`${why}: a page was short or empty`));
  }
  return {
    ...progress,
    ok: true,
    totalCount,
    reachableCount: reachable,
    truncated: totalCount > reachable,
    pages: pagesDone,
  };
}

/** The resumed walk's first page, rebuilt: only its codes matter, to detect the offset mode. */
function resumedFirstPage(resume: WalkResume, options: WalkOptions): ItemsPage {
  const limit = options.limit ?? 100;
  if (resume.mode === undefined && resume.totalCount > limit && resume.pages !== 1) {
    throw new RangeError('a walk past its first page cannot resume without its offset mode');
  }
  const data = resume.mode === undefined ? [...resume.codes] : [];
  return { total_count: resume.totalCount, data, offset: 0, limit, stock_id: options.stockId };
}
