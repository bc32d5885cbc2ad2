// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditApiQuery, dayAfter, midnightAt } from './audit-api-query';
import { DEFAULT_AUDIT_FILTERS } from './audit-filters';

const BEIJING = () => 480;

describe('auditApiQuery', () => {
  it('sends the reader’s calendar days as date-times, `to` through the end of its day', () => {
    const query = auditApiQuery(
      { ...DEFAULT_AUDIT_FILTERS, user: ' ann ', from: '2026-03-01', to: '2026-03-31', page: 2 },
      true,
      BEIJING,
    );
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      user: 'ann',
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
      page: '2',
      page_size: '50',
    });
  });

  it('leaves paging out of the CSV and empty filters out of both', () => {
    expect(auditApiQuery({ ...DEFAULT_AUDIT_FILTERS, page: 3 }, false, BEIJING)).toBe('');
    expect(auditApiQuery({ ...DEFAULT_AUDIT_FILTERS, action: 'export' }, false, BEIJING)).toBe(
      'action=export',
    );
  });
});

describe('dates', () => {
  it('writes offsets west and east of UTC and crosses months and years', () => {
    expect(midnightAt('2026-11-01', -300)).toBe('2026-11-01T00:00:00-05:00');
    expect(midnightAt('2026-11-01', 330)).toBe('2026-11-01T00:00:00+05:30');
    expect(midnightAt('2026-11-01', 0)).toBe('2026-11-01T00:00:00+00:00');
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
