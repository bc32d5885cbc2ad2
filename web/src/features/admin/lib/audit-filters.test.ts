// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type AuditFilters,
  DEFAULT_AUDIT_FILTERS,
  nextAuditFilters,
  parseAuditFilters,
  serializeAuditFilters,
} from './audit-filters';

const filters = (change: Partial<AuditFilters>): AuditFilters => ({
  ...DEFAULT_AUDIT_FILTERS,
  ...change,
});

describe('audit filters in the URL', () => {
  it('round-trips every filter and leaves defaults out', () => {
    expect(serializeAuditFilters(DEFAULT_AUDIT_FILTERS)).toBe('?tab=audit');
    const full = filters({
      user: 'ann',
      stock: '16000004',
      action: 'coverage_check',
      from: '2026-03-01',
      to: '2026-03-02',
      page: 3,
      size: 20,
    });
    const text = serializeAuditFilters(full);
    expect(text).toBe(
      '?tab=audit&user=ann&stock_id=16000004&action=coverage_check&from=2026-03-01&to=2026-03-02&size=20&page=3',
    );
    expect(parseAuditFilters(text)).toEqual(full);
  });

  it('drops values the server would refuse', () => {
    const parsed = parseAuditFilters(
      '?tab=audit&action=delete_everything&from=2026-02-30&to=yesterday&page=0&size=30',
    );
    expect(parsed).toEqual(DEFAULT_AUDIT_FILTERS);
    expect(parseAuditFilters('?page=1.5').page).toBe(1);
  });

  it('starts again at page 1 on any change but a page turn', () => {
    const current = filters({ user: 'ann', page: 4 });
    expect(nextAuditFilters(current, { action: 'login' }).page).toBe(1);
    expect(nextAuditFilters(current, { page: 5 })).toEqual({ ...current, page: 5 });
  });
});
