const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** RFC 3339 in China Standard Time, the way WeChat Pay writes times: 2025-11-01T00:00:00+08:00. */
export function toBeijingRfc3339(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
