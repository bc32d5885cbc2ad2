import type { Explanation } from '../contract/explanation';

/** What WeChat Pay answered; typed loosely because error bodies are unauthenticated text. */
export type UpstreamAnswer = { status?: unknown; code?: unknown; message?: unknown };

type CodeEntries = { generic?: Explanation; rows: { key: string; entry: Explanation }[] };

// WeChat Pay's messages vary in width, case, spacing and closing punctuation between pages and
// over time ("券ID必填。" for "券id必填"); none of that changes which row it is.
export function messageKey(message: unknown): string {
  if (typeof message !== 'string') return '';
  return message
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[。.!！…]+$/u, '');
}

function codeKey(code: unknown): string {
  return typeof code === 'string' ? code.trim().toUpperCase() : '';
}

/** 5xx answers share one entry: WeChat Pay and the gateways before it use several. */
function statusKey(status: unknown): number | undefined {
  if (typeof status !== 'number' || !Number.isInteger(status)) return undefined;
  return status >= 500 && status <= 599 ? 500 : status;
}

/**
 * Builds the upstream lookup: code + message, then code, then HTTP status, then `unknown`.
 * Rule (wechatpay-apiv3-notes.md, Errors): the code says more than the status when there is one.
 */
export function createUpstreamMatcher(entries: readonly Explanation[], unknown: Explanation) {
  const byCode = new Map<string, CodeEntries>();
  const byStatus = new Map<number, Explanation>();
  for (const entry of entries) {
    if (entry.source !== 'upstream' || entry === unknown) continue;
    const { status, code, message } = entry.match;
    if (!code) {
      if (status !== undefined) byStatus.set(status, entry);
      continue;
    }
    const slot = byCode.get(code) ?? { rows: [] };
    if (message) slot.rows.push({ key: messageKey(message), entry });
    else slot.generic = entry;
    byCode.set(code, slot);
  }
  // Longest first, so a prefix match picks the most specific row.
  for (const slot of byCode.values()) slot.rows.sort((a, b) => b.key.length - a.key.length);

  return (answer: UpstreamAnswer): Explanation => {
    const slot = byCode.get(codeKey(answer.code));
    if (slot) {
      const key = messageKey(answer.message);
      const exact = slot.rows.find((row) => row.key === key);
      if (exact) return exact.entry;
      // Some messages run on past the documented words ("无可用的平台证书…").
      const prefixed = key ? slot.rows.find((row) => key.startsWith(row.key)) : undefined;
      if (prefixed) return prefixed.entry;
      if (slot.generic) return slot.generic;
    }
    const key = statusKey(answer.status);
    return (key === undefined ? undefined : byStatus.get(key)) ?? unknown;
  };
}
