// @vitest-environment node
import type { CoverageResponse } from 'server/contract';
import { describe, expect, it } from 'vitest';
import { evidenceIds, evidenceValues } from './evidence';

describe('evidenceIds', () => {
  it('shows the first and last ids around an ellipsis when some are left out', () => {
    expect(evidenceIds({ first: ['a', 'b', 'c'], last: ['x', 'y', 'z'], count: 50 })).toBe(
      'a, b, c … x, y, z',
    );
  });

  it('lists every id when none are left out, without repeating any', () => {
    expect(evidenceIds({ first: ['a', 'b', 'c'], last: ['c'], count: 3 })).toBe('a, b, c');
    expect(evidenceIds({ first: ['a', 'b', 'c'], last: ['d', 'e'], count: 5 })).toBe(
      'a, b, c, d, e',
    );
    expect(evidenceIds({ first: [], last: [], count: 0 })).toBe('—');
  });
});

describe('evidenceValues', () => {
  it('writes the times in Beijing time with their offset and carries the counts', () => {
    const result: CoverageResponse = {
      stock_id: '16000004',
      results: [{ code: 'A', status: 'covered' }],
      counts: { covered: 1, not_covered: 0, unknown: 0 },
      duplicates_folded: 0,
      audit_id: null,
      evidence: {
        checked_at: '2025-11-26T15:00:00.000Z',
        scan_state: 'done',
        scan_started_at: '2025-11-26T14:59:00.000Z',
        scan_finished_at: '2025-11-26T14:59:02.000Z',
        request_ids: { first: ['r1', 'r2', 'r3'], last: ['r3'], count: 3 },
        codes_loaded: 250,
        reachable_count: 250,
        total_count: 250,
        truncated: false,
        complete: true,
        whole_store: false,
      },
    };
    expect(evidenceValues(result, '1900000109')).toMatchObject({
      stock: '16000004',
      mchid: '1900000109',
      checkedAt: '2025-11-26T23:00:00+08:00',
      finishedAt: '2025-11-26T22:59:02+08:00',
      requestIds: 'r1, r2, r3',
      requestCount: 3,
      covered: 1,
      loaded: 250,
      auditId: null,
    });
    expect(evidenceValues({ ...result, audit_id: 123 }, '1900000109').auditId).toBe(123);
  });
});
