import { describe, expect, it } from 'vitest';
import { matchRoute, ROUTE_RULES, roleMayCall } from './permissions';

describe('the permission table', () => {
  it('matches like Express: any case, one trailing slash, HEAD as GET', () => {
    expect(matchRoute('GET', '/stocks/123/codes.csv')?.access).toBe('code_export');
    expect(matchRoute('get', '/Stocks/123/CODES.CSV/')?.access).toBe('code_export');
    expect(matchRoute('HEAD', '/stocks/123/codes.csv')?.access).toBe('code_export');
    expect(matchRoute('POST', '/stocks/123/codes.csv')).toBeUndefined();
  });

  it('lets a parameter match an empty or odd segment, for the route to refuse as input', () => {
    expect(matchRoute('GET', '/stocks//items')?.path).toBe('/stocks/:stockId/items');
    expect(matchRoute('GET', '/stocks/%E0%A4%A/items')?.path).toBe('/stocks/:stockId/items');
    expect(matchRoute('GET', '/stocks/a%2Fb/codes.csv')?.access).toBe('code_export');
    expect(matchRoute('GET', '/stocks/1//codes.csv')).toBeUndefined();
  });

  it('keeps unlisted routes for admins only', () => {
    const unlisted = matchRoute('DELETE', '/stocks/1');
    expect(unlisted).toBeUndefined();
    expect(roleMayCall('admin', unlisted)).toBe(true);
    expect(roleMayCall('operator', unlisted)).toBe(false);
    expect(roleMayCall('support', unlisted)).toBe(false);
  });

  it('gives support no full-code export and no forced rescans, operators no administration', () => {
    const rule = (method: string, path: string) => matchRoute(method, path);
    expect(roleMayCall('support', rule('GET', '/stocks/1/codes.csv'))).toBe(false);
    // Support joins or starts the shared scan to search, but may not force a new walk.
    expect(roleMayCall('support', rule('POST', '/stocks/1/scans'), {})).toBe(true);
    expect(roleMayCall('support', rule('POST', '/stocks/1/scans'), { refresh: true })).toBe(false);
    expect(roleMayCall('operator', rule('POST', '/stocks/1/scans'), { refresh: true })).toBe(true);
    expect(roleMayCall('support', rule('POST', '/stocks/1/coverage.csv'))).toBe(true);
    expect(roleMayCall('operator', rule('GET', '/stocks/1/codes.csv'))).toBe(true);
    expect(roleMayCall('operator', rule('GET', '/admin/audit'))).toBe(false);
    expect(roleMayCall('operator', rule('GET', '/admin/users'))).toBe(false);
  });

  it('lists each method and path once', () => {
    const keys = ROUTE_RULES.map((r) => `${r.method} ${r.path.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
