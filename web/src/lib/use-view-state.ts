import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { nextViewState, parseViewState, serializeViewState, type ViewState } from './view-state';

// pushState fires no event of its own; this one tells every subscriber the URL moved.
const NAVIGATE_EVENT = 'ccc:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const readSearch = () => window.location.search;

/** The URL's query string, kept current across pushState and Back/Forward. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, readSearch, () => '');
}

export interface NavigateOptions {
  /** Replace the current history entry (typing) instead of adding one (clicks, submits). */
  replace?: boolean;
}

export type Navigate = (change: Partial<ViewState>, options?: NavigateOptions) => void;

/** Shows another query string (`?…` or '') as a history entry every subscriber hears about. */
export function goTo(search: string, options: NavigateOptions = {}): void {
  const url = `${window.location.pathname}${search}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The view held in the URL, and a way to change it that Back and Forward understand. */
export function useViewState(): [ViewState, Navigate] {
  const search = useSearch();
  const view = useMemo(() => parseViewState(search), [search]);
  const navigate = useCallback<Navigate>((change, options = {}) => {
    // Read the URL now, not the render's copy: two quick changes must not undo each other.
    const next = nextViewState(parseViewState(window.location.search), change);
    goTo(serializeViewState(next), options);
  }, []);
  return [view, navigate];
}

/** The link to a view, for anchors and the "copy link" button. */
export function viewHref(view: ViewState): string {
  return `${window.location.origin}${window.location.pathname}${serializeViewState(view)}`;
}
