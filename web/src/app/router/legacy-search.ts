import { type AuditFilters, auditSearchSchema } from '@/features/admin/lib/audit-filters';
import { type StockSearch, stockSearchSchema } from '@/features/stock/lib/view-state';

/** Where a link from before the router lands: one `tab` parameter named four screens then. */
export type LegacyTarget =
  | { screen: 'users' }
  | { screen: 'audit'; search: AuditFilters }
  | { screen: 'codes' | 'coverage'; search: StockSearch };

/**
 * `/?tab=users`, `/?tab=audit&stock_id=…`, `/?tab=coverage&stock=…` and `/?stock=…`: the screen
 * each named, or null for the start page.
 */
export function legacyTarget(search: Record<string, unknown>): LegacyTarget | null {
  const { tab } = search;
  if (tab === 'users') return { screen: 'users' };
  if (tab === 'audit') {
    return {
      screen: 'audit',
      search: auditSearchSchema.parse({ ...search, stock: search.stock_id }),
    };
  }
  const stock = stockSearchSchema.parse(search);
  if (tab === 'coverage') return { screen: 'coverage', search: stock };
  if (stock.stock !== '' || stock.mchid !== '') return { screen: 'codes', search: stock };
  return null;
}
