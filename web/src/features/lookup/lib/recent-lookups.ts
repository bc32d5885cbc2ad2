import { wechatIdSchema } from 'server/contract';

/** One lookup remembered in this browser, offered again as a suggestion. */
export interface RecentLookup {
  stock: string;
  mchid: string;
  /** The stock's name, once its details have loaded. */
  name?: string;
}

export const MAX_RECENT = 8;
export const RECENT_STORAGE_KEY = 'ccc.recent-lookups';

const sameStock = (a: RecentLookup, b: RecentLookup) => a.stock === b.stock && a.mchid === b.mchid;

/** Puts `entry` first, drops its older copy (keeping a known name) and keeps the newest few. */
export function addRecent(list: readonly RecentLookup[], entry: RecentLookup): RecentLookup[] {
  const old = list.find((item) => sameStock(item, entry));
  const name = entry.name ?? old?.name;
  const merged: RecentLookup = name
    ? { ...entry, name }
    : { stock: entry.stock, mchid: entry.mchid };
  return [merged, ...list.filter((item) => !sameStock(item, entry))].slice(0, MAX_RECENT);
}

/** Records a stock's name without reordering the list (details load after the lookup). */
export function nameRecent(
  list: readonly RecentLookup[],
  target: RecentLookup,
  name: string,
): RecentLookup[] {
  return list.map((item) => (sameStock(item, target) ? { ...item, name } : item));
}

function toRecent(value: unknown): RecentLookup | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { stock, mchid, name } = value as Record<string, unknown>;
  if (!wechatIdSchema.safeParse(stock).success || !wechatIdSchema.safeParse(mchid).success)
    return undefined;
  const entry = { stock: String(stock), mchid: String(mchid) };
  return typeof name === 'string' && name.length <= 200 ? { ...entry, name } : entry;
}

/** Reads the stored list; storage is user-editable, so anything malformed is dropped. */
export function parseRecent(raw: string | null): RecentLookup[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item) => toRecent(item) ?? []).slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}
