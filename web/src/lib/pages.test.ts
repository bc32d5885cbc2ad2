// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GAP, pageCount, pageWindow } from './pages';

describe('pageWindow', () => {
  it('lists every page of a short list', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });

  it('keeps the first and last pages and marks skipped ranges', () => {
    expect(pageWindow(10, 25)).toEqual([1, GAP, 8, 9, 10, 11, 12, GAP, 25]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(4, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('is empty when there are no pages', () => {
    expect(pageWindow(1, 0)).toEqual([]);
  });
});

describe('pageCount', () => {
  it('rounds up, and an empty list still has page 1', () => {
    expect(pageCount(250, 20)).toBe(13);
    expect(pageCount(0, 20)).toBe(1);
  });
});
