import type { Language } from './i18n-languages';

/** 60000 → "60,000" in both our languages (Chinese also groups by thousands in this context). */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** An ISO time in the reader's language and time zone, to the second. */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
}

/** A calendar date only, for validity periods. */
export function formatDate(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(date);
}

/** Seconds as whole minutes and seconds, rounded up so an ETA never promises too much. */
export function splitDuration(totalSeconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.ceil(totalSeconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}

/** Parts of `text` with every case-insensitive occurrence of `query` marked, for <mark>. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const haystack = text.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as ISO 8601 in Beijing time with its offset ("2025-11-26T23:43:05+08:00"): still
 * unambiguous anywhere, and the clock WeChat Pay's support asks for.
 */
export function toBeijingIso(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
