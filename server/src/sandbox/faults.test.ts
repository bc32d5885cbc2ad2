import { describe, expect, it } from 'vitest';
import { FaultRegistry } from './faults';

const page = (dataLength: number) => ({
  url: '/v3/marketing/favor/stocks/1/items',
  stockId: '1',
  page: { dataLength },
});

describe('FaultRegistry', () => {
  it('spends an injected fault `times` times, first injected first', () => {
    const faults = new FaultRegistry();
    faults.inject('system_error', { times: 2 });
    faults.inject('reset');
    const taken = [1, 2, 3, 4].map(() => faults.takeInjected(page(5)));
    expect(taken).toEqual(['system_error', 'system_error', 'reset', undefined]);
  });

  it('waits for a matching stock or path', () => {
    const faults = new FaultRegistry();
    faults.inject('reset', { match: { stockId: '2' } });
    faults.inject('signtest', { match: { path: /\/certificates$/ } });
    expect(faults.takeInjected(page(5))).toBeUndefined();
    expect(faults.takeInjected({ url: '/v3/certificates' })).toBe('signtest');
    expect(faults.takeInjected({ ...page(5), stockId: '2' })).toBe('reset');
  });

  it('keeps page faults until a page they can spoil comes', () => {
    const faults = new FaultRegistry();
    faults.inject('duplicate_codes');
    faults.inject('total_mismatch');
    expect(faults.takeInjected({ url: '/v3/certificates' })).toBeUndefined();
    expect(faults.takeInjected(page(1))).toBe('total_mismatch');
    expect(faults.takeInjected(page(2))).toBe('duplicate_codes');
  });

  it('storms the same way for the same seed, at about the asked probability', () => {
    const draw = (seed: number) => {
      const faults = new FaultRegistry();
      faults.storm({ probability: 0.3, kinds: ['reset', 'system_error', 'bad_signature'], seed });
      return Array.from({ length: 1000 }, () => faults.takeStorm(page(10)));
    };
    const first = draw(42);
    expect(draw(42)).toEqual(first);
    expect(draw(43)).not.toEqual(first);
    const struck = first.filter(Boolean).length;
    expect(struck).toBeGreaterThan(240);
    expect(struck).toBeLessThan(360);
    expect(new Set(first.filter(Boolean))).toEqual(
      new Set(['reset', 'system_error', 'bad_signature']),
    );
  });

  it('clears both injected faults and the storm', () => {
    const faults = new FaultRegistry();
    faults.inject('reset');
    faults.storm({ probability: 1, kinds: ['reset'], seed: 1 });
    faults.clear();
    expect(faults.takeInjected(page(3))).toBeUndefined();
    expect(faults.takeStorm(page(3))).toBeUndefined();
  });

  it('refuses unknown kinds and nonsense options', () => {
    const faults = new FaultRegistry();
    expect(() => faults.inject('nope' as 'reset')).toThrow(RangeError);
    expect(() => faults.inject('reset', { times: 0 })).toThrow(RangeError);
    expect(() => faults.storm({ probability: 2, kinds: ['reset'], seed: 1 })).toThrow(RangeError);
    expect(() => faults.storm({ probability: 0.5, kinds: ['nope' as 'reset'], seed: 1 })).toThrow(
      RangeError,
    );
  });
});
