import { PAGE_SIZES } from 'server/contract';
import { type AuditAction, auditActionSchema } from '@/lib/audit-contract';
import type { PageSize } from '@/lib/view-state';

/** The audit page's view, held in the URL (`?tab=audit&user=…`) so a link reproduces it. */
export interface AuditFilters {
  user: string;
  stock: string;
  action: AuditAction | '';
  /** Calendar days (YYYY-MM-DD) in the reader's time zone; `to` includes its whole day. */
  from: string;
  to: string;
  page: number;
  size: PageSize;
}

export const DEFAULT_AUDIT_FILTERS: AuditFilters = {
  user: '',
  stock: '',
  action: '',
  from: '',
  to: '',
  page: 1,
  // The server's own default page size.
  size: 50,
};

const KEYS = { user: 'user', stock: 'stock_id', action: 'action', from: 'from', to: 'to' } as const;
const MAX_PAGE = 999_999;

function dateOf(raw: string | null): string {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return '';
  // Round-trips only for a real calendar day (no 2026-02-30).
  return new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw) ? raw : '';
}

export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const page = Number(params.get('page') ?? '');
  const size = PAGE_SIZES.find((option) => String(option) === params.get('size'));
  const action = auditActionSchema.safeParse(params.get(KEYS.action));
  return {
    user: (params.get(KEYS.user) ?? '').slice(0, 128),
    stock: (params.get(KEYS.stock) ?? '').slice(0, 64),
    action: action.success ? action.data : '',
    from: dateOf(params.get(KEYS.from)),
    to: dateOf(params.get(KEYS.to)),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    size: size ?? DEFAULT_AUDIT_FILTERS.size,
  };
}

/** The audit page's query string; defaults are left out so links stay short. */
export function serializeAuditFilters(filters: AuditFilters): string {
  const params = new URLSearchParams({ tab: 'audit' });
  for (const key of ['user', 'stock', 'action', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) params.set(KEYS[key], value);
  }
  if (filters.size !== DEFAULT_AUDIT_FILTERS.size) params.set('size', String(filters.size));
  if (filters.page !== 1) params.set('page', String(filters.page));
  return `?${params.toString()}`;
}

/** Any change but a page turn starts again at page 1: the old page number means nothing now. */
export function nextAuditFilters(current: AuditFilters, change: Partial<AuditFilters>) {
  return { ...current, ...change, page: change.page ?? 1 };
}
