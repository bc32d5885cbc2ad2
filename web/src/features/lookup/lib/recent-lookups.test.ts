// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addRecent, MAX_RECENT, nameRecent, parseRecent } from './recent-lookups';

describe('addRecent', () => {
  it('puts the newest first without duplicates and keeps a known name', () => {
    const list = [
      { stock: 'A', mchid: 'M', name: '零食' },
      { stock: 'B', mchid: 'M' },
    ];
    expect(addRecent(list, { stock: 'A', mchid: 'M' })).toEqual(list);
    expect(addRecent(list, { stock: 'B', mchid: 'M' })).toEqual([list[1], list[0]]);
    expect(addRecent(list, { stock: 'A', mchid: 'N' })[0]).toEqual({ stock: 'A', mchid: 'N' });
  });

  it(`keeps at most ${MAX_RECENT}`, () => {
    let list = addRecent([], { stock: '0', mchid: 'M' });
    for (let i = 1; i < 20; i += 1) list = addRecent(list, { stock: String(i), mchid: 'M' });
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.stock).toBe('19');
  });
});

describe('nameRecent', () => {
  it('names a stock in place', () => {
    const list = [
      { stock: 'A', mchid: 'M' },
      { stock: 'B', mchid: 'M' },
    ];
    expect(nameRecent(list, { stock: 'B', mchid: 'M' }, '日化')).toEqual([
      { stock: 'A', mchid: 'M' },
      { stock: 'B', mchid: 'M', name: '日化' },
    ]);
  });
});

describe('parseRecent', () => {
  it('reads what addRecent wrote', () => {
    const list = addRecent([], { stock: '16000004', mchid: '1900000109', name: '日化用品' });
    expect(parseRecent(JSON.stringify(list))).toEqual(list);
  });

  it('drops anything malformed, since storage can be edited by hand', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('{"stock":"1"}')).toEqual([]);
    expect(
      parseRecent(
        JSON.stringify([{ stock: '../x', mchid: '1' }, { stock: '1', mchid: '2', name: 3 }, 'x']),
      ),
    ).toEqual([{ stock: '1', mchid: '2' }]);
  });
});
