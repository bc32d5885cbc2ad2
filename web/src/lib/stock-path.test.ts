// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { stockPath, stockPostPath } from './stock-path';

describe('stockPath', () => {
  it('encodes the stock id and keeps the upstream parameter names', () => {
    expect(
      stockPath({ stock: '16000004', mchid: '1900000109' }, '/items', { offset: 2, limit: 20 }),
    ).toBe('/api/stocks/16000004/items?stock_creator_mchid=1900000109&offset=2&limit=20');
    expect(stockPostPath({ stock: 'a/b', mchid: 'm' }, '/scans')).toBe('/api/stocks/a%2Fb/scans');
  });
});
