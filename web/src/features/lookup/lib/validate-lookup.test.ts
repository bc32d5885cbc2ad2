// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ruleKeyOf, tidyLookup, validateLookup } from './validate-lookup';

describe('validateLookup', () => {
  it('accepts the ids the server accepts', () => {
    expect(validateLookup({ stock: '16000004', mchid: '1900000109' })).toEqual({});
    expect(validateLookup({ stock: 'SCN_a-1', mchid: '1' })).toEqual({});
  });

  it('names the broken rule beside each field, with the server schema', () => {
    expect(validateLookup({ stock: '', mchid: '1900000109' })).toEqual({ stock: 'required' });
    expect(validateLookup({ stock: '123456789012345678901', mchid: 'x' })).toEqual({
      stock: 'idLength',
    });
    expect(validateLookup({ stock: '../etc', mchid: '批次' })).toEqual({
      stock: 'idCharset',
      mchid: 'idCharset',
    });
    expect(validateLookup({ stock: '16000004?limit=1000', mchid: '1' }).stock).toBe('idCharset');
    expect(validateLookup({ stock: '1%2F2', mchid: '1' }).stock).toBe('idCharset');
  });
});

describe('ruleKeyOf', () => {
  it('maps a schema message back to its rule key', () => {
    expect(ruleKeyOf('length 1..20')).toBe('idLength');
    expect(ruleKeyOf('something else')).toBeUndefined();
  });
});

describe('tidyLookup', () => {
  it('drops the blanks people paste around ids', () => {
    expect(tidyLookup({ stock: ' 16000004\t', mchid: '1900000109 ' })).toEqual({
      stock: '16000004',
      mchid: '1900000109',
    });
  });
});
