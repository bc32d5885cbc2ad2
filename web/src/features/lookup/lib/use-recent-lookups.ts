import { useCallback, useSyncExternalStore } from 'react';
import {
  addRecent,
  nameRecent,
  parseRecent,
  RECENT_STORAGE_KEY,
  type RecentLookup,
} from './recent-lookups';

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedList: RecentLookup[] = [];

function read(): RecentLookup[] {
  const raw = globalThis.localStorage?.getItem(RECENT_STORAGE_KEY) ?? null;
  // useSyncExternalStore needs the same array back while nothing changed.
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedList = parseRecent(raw);
  }
  return cachedList;
}

function write(list: RecentLookup[]) {
  globalThis.localStorage?.setItem(RECENT_STORAGE_KEY, JSON.stringify(list));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab's lookups show up here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === RECENT_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The lookups remembered in this browser, newest first. */
export function useRecentLookups() {
  const list = useSyncExternalStore(subscribe, read, () => cachedList);
  const remember = useCallback((entry: RecentLookup) => write(addRecent(read(), entry)), []);
  const name = useCallback(
    (entry: RecentLookup, stockName: string) => write(nameRecent(read(), entry, stockName)),
    [],
  );
  const clear = useCallback(() => write([]), []);
  return { list, remember, name, clear };
}
