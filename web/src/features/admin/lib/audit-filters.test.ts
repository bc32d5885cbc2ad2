// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type AuditFilters,
  auditSearchSchema,
  DEFAULT_AUDIT_FILTERS,
  nextAuditFilters,
} from './audit-filters';

const filters = (change: Partial<AuditFilters>): AuditFilters => ({
  ...DEFAULT_AUDIT_FILTERS,
  ...change,
});

describe('audit filters in the URL', () => {
  it('reads every filter from the text of a link', () => {
    const parsed = auditSearchSchema.parse({
      user: 'ann',
      stock: '16000004',
      action: 'coverage_check',
      from: '2026-03-01',
      to: '2026-03-02',
      page: '3',
      size: '20',
    });
    expect(parsed).toEqual(
      filters({
        user: 'ann',
        stock: '16000004',
        action: 'coverage_check',
        from: '2026-03-01',
        to: '2026-03-02',
        page: 3,
        size: 20,
      }),
    );
  });

  it('drops values the server would refuse', () => {
    const parsed = auditSearchSchema.parse({
      action: 'delete_everything',
      from: '2026-02-30',
      to: 'yesterday',
      page: '0',
      size: '30',
    });
    expect(parsed).toEqual(DEFAULT_AUDIT_FILTERS);
    expect(auditSearchSchema.parse({ page: '1.5' }).page).toBe(1);
    expect(auditSearchSchema.parse({ from: '2026-13-45' }).from).toBe('');
  });

  it('starts again at page 1 on any change but a page turn', () => {
    const current = filters({ user: 'ann', page: 4 });
    expect(nextAuditFilters(current, { action: 'login' }).page).toBe(1);
    expect(nextAuditFilters(current, { page: 5 })).toEqual({ ...current, page: 5 });
  });

  it('trims the names typed into the filters', () => {
    expect(nextAuditFilters(DEFAULT_AUDIT_FILTERS, { user: ' ann ' }).user).toBe('ann');
  });
});
