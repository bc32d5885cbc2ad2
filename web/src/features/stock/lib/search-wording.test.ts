// @vitest-environment node
import type { CodesResponse } from 'server/contract';
import { describe, expect, it } from 'vitest';
import { isTruncated, searchWording } from './search-wording';

const base: CodesResponse = {
  stock_id: '16000005',
  q: 'AB',
  page: 1,
  page_size: 20,
  items: [],
  match_count: 0,
  searched_count: 3200,
  total_count: 5000,
  reachable_count: 5000,
  complete: false,
  truncated: false,
  scan_state: 'running',
};

describe('searchWording', () => {
  it('says "so far" while the scan runs', () => {
    expect(searchWording(base)).toEqual({ found: false, scope: 'partial', tail: 'running' });
    expect(searchWording({ ...base, total_count: null })).toEqual({
      found: false,
      scope: 'partialUnknownTotal',
      tail: 'running',
    });
  });

  it('claims the whole stock only when the scan read all of it', () => {
    const done = { ...base, scan_state: 'done', complete: true, searched_count: 5000 } as const;
    expect(searchWording({ ...done, match_count: 2 })).toEqual({
      found: true,
      scope: 'complete',
      tail: null,
    });
  });

  it('names a truncated stock as what WeChat Pay exposes', () => {
    const truncated = { ...base, scan_state: 'done', truncated: true, total_count: 60000 } as const;
    expect(searchWording(truncated)).toEqual({ found: false, scope: 'truncated', tail: null });
  });

  it('says a failed scan leaves the answer open', () => {
    expect(searchWording({ ...base, scan_state: 'failed' }).tail).toBe('incomplete');
  });
});

describe('isTruncated', () => {
  it('is true as soon as fewer codes are reachable than exist', () => {
    expect(isTruncated(50100, 60000, false)).toBe(true);
    expect(isTruncated(5000, 5000, false)).toBe(false);
    expect(isTruncated(null, null, true)).toBe(true);
    expect(isTruncated(null, 60000, false)).toBe(false);
  });
});
