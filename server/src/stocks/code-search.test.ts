import { describe, expect, it } from 'vitest';
import { CodeIndex } from './code-index';
import { pageOf, searchCodes } from './code-search';

function indexOf(...pages: string[][]): CodeIndex {
  const index = new CodeIndex();
  for (const page of pages) index.add(page);
  return index;
}

describe('searchCodes', () => {
  const index = indexOf(['xAB1', 'ab', 'AB', 'zzz'], ['cab', 'Ab', 'q-1']);

  it('puts exact matches first (identical spelling first) and flags them', () => {
    const result = searchCodes(index, 'Ab');
    const hits = pageOf(index, result, 1, 10);
    expect(hits).toEqual([
      { code: 'Ab', exact: true },
      { code: 'ab', exact: true },
      { code: 'AB', exact: true },
      { code: 'xAB1', exact: false },
      { code: 'cab', exact: false },
    ]);
  });

  it('pages through matches, keeping the exact flag by overall position', () => {
    const result = searchCodes(index, 'ab');
    expect(result.positions).toHaveLength(5);
    expect(pageOf(index, result, 1, 2)).toEqual([
      { code: 'ab', exact: true },
      { code: 'AB', exact: true },
    ]);
    expect(pageOf(index, result, 2, 2)).toEqual([
      { code: 'Ab', exact: true },
      { code: 'xAB1', exact: false },
    ]);
    expect(pageOf(index, result, 4, 2)).toEqual([]);
  });

  it('matches every code in scan order for an empty query', () => {
    const result = searchCodes(index, '');
    expect(pageOf(index, result, 1, 100).map((hit) => hit.code)).toEqual(index.codes);
    expect(result.exactCount).toBe(0);
  });

  it('finds nothing for an absent substring', () => {
    expect(searchCodes(index, 'nope').positions).toEqual([]);
  });
});

describe('CodeIndex', () => {
  it('keeps a code repeated by a later page once and counts the repeat', () => {
    const index = indexOf(['a', 'b'], ['b', 'c']);
    expect(index.codes).toEqual(['a', 'b', 'c']);
    expect(index.repeated).toBe(1);
    expect(index.has('b')).toBe(true);
    expect(index.has('B')).toBe(false);
  });

  it('adds 50,100 codes page by page in linear time', () => {
    const index = new CodeIndex();
    // CPU time of this process, not wall time: other work on a busy machine cannot stretch it.
    const started = process.cpuUsage();
    for (let page = 0; page < 501; page += 1) {
      index.add(Array.from({ length: 100 }, (_, i) => `code-${page}-${i}`));
    }
    expect(index.size).toBe(50_100);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1_000).toBeLessThan(1500);
    expect(searchCodes(index, 'CODE-500-99').exactCount).toBe(1);
  });
});
