// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_FILTERS } from '@/features/admin/lib/audit-filters';
import { DEFAULT_SEARCH } from '@/features/stock/lib/view-state';
import { legacyTarget } from './legacy-search';

describe('links from before the router', () => {
  it('sends the admin pages of the old tab parameter to their own routes', () => {
    expect(legacyTarget({ tab: 'users' })).toEqual({ screen: 'users' });
    expect(legacyTarget({ tab: 'audit', user: 'ann', stock_id: '16000004', page: '2' })).toEqual({
      screen: 'audit',
      search: { ...DEFAULT_AUDIT_FILTERS, user: 'ann', stock: '16000004', page: 2 },
    });
  });

  it('sends a stock view to the route of its tab, keeping its search and page', () => {
    const view = { stock: '16000004', mchid: '1900000109', q: 'AB', size: '50', page: '3' };
    const search = {
      ...DEFAULT_SEARCH,
      stock: '16000004',
      mchid: '1900000109',
      q: 'AB',
      size: 50,
      page: 3,
    };
    expect(legacyTarget(view)).toEqual({ screen: 'codes', search });
    expect(legacyTarget({ ...view, tab: 'coverage' })).toEqual({ screen: 'coverage', search });
  });

  it('leaves the start page where it is', () => {
    expect(legacyTarget({})).toBeNull();
    expect(legacyTarget({ tab: 'codes' })).toBeNull();
    expect(legacyTarget({ tab: 'admin' })).toBeNull();
  });
});
