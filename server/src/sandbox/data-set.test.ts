import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCodes } from './codes';
import { demoStockRecords, demoStocks } from './demo-stocks';
import { codesOf, findStock } from './stock-catalog';

const stockOfSize = (size: number) => {
  const found = demoStockRecords.find((s) => s.kind === 'single_item' && s.size === size);
  if (!found) throw new Error(`no demo stock of ${size} codes`);
  return found;
};
const fingerprint = (codes: readonly string[]) =>
  createHash('sha256').update(codes.join('\n')).digest('hex').slice(0, 16);

describe('the demo data set', () => {
  it('has the sizes the console is built around', () => {
    expect(demoStocks.map((s) => [s.kind, s.size])).toEqual([
      ['whole_store', 0],
      ['single_item', 1],
      ['single_item', 57],
      ['single_item', 250],
      ['single_item', 5000],
      ['single_item', 60000],
      ['not_voucher', 0],
    ]);
    for (const stock of demoStockRecords) expect(codesOf(stock)).toHaveLength(stock.size);
  });

  it('uses digit-string ids, Chinese names, the sandbox merchant and a mix of statuses', () => {
    for (const stock of demoStockRecords) {
      expect(stock.id).toMatch(/^\d{1,20}$/);
      expect(stock.name).toMatch(/[\u4e00-\u9fff]/);
      expect(stock.creatorMchid).toBe('1900000109');
      expect(stock.availableBegin).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    }
    const statuses = new Set(demoStockRecords.map((s) => s.status));
    expect(statuses).toContain('running');
    expect(statuses.has('paused') || statuses.has('stoped')).toBe(true);
    expect(new Set(demoStocks.map((s) => s.id)).size).toBe(demoStocks.length);
  });

  it('has one code of every length 1..128 in the 5,000-code stock', () => {
    const lengths = new Set(codesOf(stockOfSize(5000)).map((c) => c.length));
    for (let n = 1; n <= 128; n += 1) expect(lengths.has(n), `length ${n}`).toBe(true);
  });

  it('uses only letters, digits and dashes, 1..128 characters, unique ignoring case', () => {
    for (const stock of demoStockRecords) {
      const codes = codesOf(stock);
      expect(codes.filter((code) => !/^[A-Za-z0-9-]{1,128}$/.test(code))).toEqual([]);
      expect(new Set(codes.map((c) => c.toLowerCase())).size).toBe(codes.length);
    }
  });

  it('is the same on every run (a change here breaks screenshots and e2e expectations)', () => {
    expect(fingerprint(codesOf(stockOfSize(57)))).toBe('84918b73bddf09a8');
    expect(fingerprint(codesOf(stockOfSize(5000)))).toBe('aa8f9561cb42df6c');
    expect(fingerprint(codesOf(stockOfSize(60000)))).toBe('289e08bf2d9d794d');
    expect(codesOf(stockOfSize(57)).slice(0, 2)).toEqual(['1142054', '98923227013']);
  });

  it('regenerates identically from the seed, and differently from another seed', () => {
    const again = generateCodes({ seed: 5, count: 5000, everyLength: true });
    expect(again).toEqual(codesOf(stockOfSize(5000)));
    expect(generateCodes({ seed: 99, count: 57 })).not.toEqual(codesOf(stockOfSize(57)));
  });

  it('has no item list for the whole-store voucher and the DISCOUNT_CUT stock', () => {
    for (const kind of ['whole_store', 'not_voucher'] as const) {
      const stock = demoStockRecords.find((s) => s.kind === kind);
      expect(stock && codesOf(stock)).toEqual([]);
    }
    expect(findStock('does-not-exist')).toBeUndefined();
  });
});
