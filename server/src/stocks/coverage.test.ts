import { describe, expect, it } from 'vitest';
import { checkCoverage, foldCodes } from './coverage';
import { Scan } from './scan';

function scanOf(codes: string[], requestIds: string[] = []): Scan {
  const scan = new Scan({ stockId: '16000003', stockCreatorMchid: '1900000109' }, 1_000);
  scan.addPage({
    data: codes,
    totalCount: codes.length,
    at: 1_500,
    reachableCount: codes.length,
    pagesTotal: 1,
    offsetMode: 'page',
  });
  scan.requestIds.push(...requestIds);
  return scan;
}

describe('checkCoverage', () => {
  it('says covered / not_covered once a complete scan proves absence', () => {
    const scan = scanOf(['A1', 'B2']);
    scan.finish({ state: 'done', totalCount: 2, reachableCount: 2, truncated: false }, 2_000);
    const answer = checkCoverage(scan, ['A1', 'a1', 'A1', 'C3'], 3_000);
    expect(answer.results).toEqual([
      { code: 'A1', status: 'covered' },
      { code: 'a1', status: 'not_covered' },
      { code: 'C3', status: 'not_covered' },
    ]);
    expect(answer.counts).toEqual({ covered: 1, not_covered: 2, unknown: 0 });
    expect(answer.duplicates_folded).toBe(1);
    expect(answer.evidence).toMatchObject({
      complete: true,
      scan_finished_at: new Date(2_000).toISOString(),
      checked_at: new Date(3_000).toISOString(),
    });
  });

  it('says unknown for absent codes while running, after a failure or when truncated', () => {
    const running = scanOf(['A1']);
    expect(checkCoverage(running, ['A1', 'Z'], 0).counts).toEqual({
      covered: 1,
      not_covered: 0,
      unknown: 1,
    });
    const truncated = scanOf(['A1']);
    truncated.finish({ state: 'done', totalCount: 60_000, reachableCount: 1, truncated: true }, 1);
    expect(checkCoverage(truncated, ['Z'], 0).results[0]?.status).toBe('unknown');
    const failed = scanOf(['A1']);
    failed.finish(
      {
        state: 'failed',
        error: {
          code: 'UPSTREAM_UNAVAILABLE',
          status: 502,
          message: 'x',
          explanation: 'e',
          retryable: true,
        },
      },
      1,
    );
    expect(checkCoverage(failed, ['Z', 'A1'], 0).counts).toEqual({
      covered: 1,
      not_covered: 0,
      unknown: 1,
    });
    expect(checkCoverage(failed, ['Z'], 0).evidence.scan_state).toBe('failed');
  });

  it('quotes the first and last Request-IDs and counts them all', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `rid-${i}`);
    const { evidence } = checkCoverage(scanOf(['A'], ids), ['A'], 0);
    expect(evidence.request_ids).toEqual({
      first: ['rid-0', 'rid-1', 'rid-2'],
      last: ['rid-7', 'rid-8', 'rid-9'],
      count: 10,
    });
    const few = checkCoverage(scanOf(['A'], ['r1', 'r2']), ['A'], 0).evidence.request_ids;
    expect(few).toEqual({ first: ['r1', 'r2'], last: [], count: 2 });
  });
});

describe('foldCodes', () => {
  it('keeps first-seen order', () => {
    expect(foldCodes(['b', 'a', 'b', 'c', 'a'])).toEqual({ codes: ['b', 'a', 'c'], folded: 2 });
  });
});
