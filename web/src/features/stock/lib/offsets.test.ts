// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { browsableCount, lastReachablePage, offsetFor } from './offsets';

describe('offsetFor', () => {
  it('sends the page index in page mode and the first row in item mode', () => {
    expect(offsetFor(1, 20, 'page')).toBe(0);
    expect(offsetFor(3, 20, 'page')).toBe(2);
    expect(offsetFor(3, 20, 'item')).toBe(40);
  });
});

describe('lastReachablePage and browsableCount', () => {
  it('stop at offset 500: 501 pages, or 500 rows plus one page', () => {
    expect(lastReachablePage(100, 'page')).toBe(501);
    expect(browsableCount(60000, 100, 'page')).toBe(50100);
    expect(lastReachablePage(100, 'item')).toBe(6);
    expect(browsableCount(60000, 100, 'item')).toBe(600);
    expect(browsableCount(250, 20, 'item')).toBe(250);
  });
});
