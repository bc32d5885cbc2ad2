// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, nextViewState, stockSearchSchema, type ViewState } from './view-state';

const view = (change: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...change });

describe('the stock view in the URL', () => {
  it('reads every part of the view from the text of a link', () => {
    expect(
      stockSearchSchema.parse({
        stock: '16000004',
        mchid: '1900000109',
        page: '3',
        size: '50',
        q: 'AB',
      }),
    ).toEqual({ stock: '16000004', mchid: '1900000109', page: 3, size: 50, q: 'AB' });
  });

  it('falls back to defaults for values it cannot use', () => {
    const parsed = stockSearchSchema.parse({ page: '0', size: '30' });
    expect(parsed.page).toBe(1);
    expect(parsed.size).toBe(20);
    expect(stockSearchSchema.parse({ page: '-2' }).page).toBe(1);
    expect(stockSearchSchema.parse({ page: '1.5' }).page).toBe(1);
    expect(stockSearchSchema.parse({ page: '9999999' }).page).toBe(1);
    expect(stockSearchSchema.parse({ q: ['a', 'b'] }).q).toBe('');
  });

  it('keeps an invalid stock id as typed so the form can say what is wrong with it', () => {
    expect(stockSearchSchema.parse({ stock: '../etc' }).stock).toBe('../etc');
    expect(stockSearchSchema.parse({ stock: 'x'.repeat(200) }).stock).toHaveLength(128);
  });
});

describe('nextViewState', () => {
  const current = view({ stock: 'A', mchid: 'M', page: 5, size: 20, q: 'x', tab: 'coverage' });

  it('starts another stock at page 1 without a search, keeping the tab', () => {
    expect(nextViewState(current, { stock: 'B' })).toEqual(
      view({ stock: 'B', mchid: 'M', tab: 'coverage' }),
    );
  });

  it('starts a new search at page 1', () => {
    expect(nextViewState(current, { q: 'y' }).page).toBe(1);
  });

  it('keeps the first visible row on screen when the page size changes', () => {
    // Page 5 at 20 a page starts at row 81, which is on page 2 at 50 a page.
    expect(nextViewState(current, { size: 50 }).page).toBe(2);
    expect(nextViewState(view({ page: 2, size: 100 }), { size: 10 }).page).toBe(11);
  });

  it('changes only the page when only the page changes', () => {
    expect(nextViewState(current, { page: 6 })).toEqual({ ...current, page: 6 });
  });
});
