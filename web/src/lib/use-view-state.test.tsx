import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useViewState } from './use-view-state';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('useViewState', () => {
  it('reads the view from the URL and writes changes back as history entries', () => {
    window.history.replaceState(null, '', '/?stock=16000004&mchid=1900000109');
    const { result } = renderHook(() => useViewState());
    expect(result.current[0].stock).toBe('16000004');
    const before = window.history.length;
    act(() => result.current[1]({ page: 3 }));
    expect(window.location.search).toBe('?stock=16000004&mchid=1900000109&page=3');
    expect(result.current[0].page).toBe(3);
    expect(window.history.length).toBe(before + 1);
    act(() => result.current[1]({ q: 'AB' }, { replace: true }));
    expect(window.history.length).toBe(before + 1);
    expect(result.current[0]).toMatchObject({ q: 'AB', page: 1 });
  });

  it('follows Back and Forward', () => {
    window.history.replaceState(null, '', '/?stock=A&mchid=M');
    const { result } = renderHook(() => useViewState());
    act(() => {
      window.history.replaceState(null, '', '/?stock=B&mchid=M&page=2');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current[0]).toMatchObject({ stock: 'B', page: 2 });
  });
});
