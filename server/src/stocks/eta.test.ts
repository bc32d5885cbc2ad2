import { describe, expect, it } from 'vitest';
import { estimateEtaSeconds } from './eta';

describe('estimateEtaSeconds', () => {
  it('is unknown before two pages or without a page total', () => {
    expect(estimateEtaSeconds([1000], 1, 50)).toBeNull();
    expect(estimateEtaSeconds([1000, 2000], 2, null)).toBeNull();
  });

  it('extrapolates the recent page rate, not the early burst', () => {
    // 20 fast pages, then the pacer slows to one page per 300 ms.
    const times = [
      ...Array.from({ length: 20 }, (_, i) => i),
      ...Array.from({ length: 20 }, (_, i) => 1000 + i * 300),
    ];
    expect(estimateEtaSeconds(times, 40, 140)).toBe(30);
  });

  it('is zero when nothing remains', () => {
    expect(estimateEtaSeconds([0, 10], 5, 5)).toBe(0);
  });
});
