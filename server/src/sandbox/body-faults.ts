import type { FaultKind } from './fault-kinds';
import type { ItemsPage, JsonReply } from './reply';

function bendPage(kind: FaultKind, page: ItemsPage): unknown {
  const { data, limit, offset, stock_id, total_count } = page;
  switch (kind) {
    case 'wrong_shape':
      // Plausible at a glance, wrong in every type: a lax client would render garbage.
      return { total_count: String(total_count), data: data.join(','), offset, limit, stock_id };
    case 'total_mismatch':
      return { data, limit, offset, stock_id, total_count: Math.max(0, data.length - 1) };
    case 'duplicate_codes':
      return { data: [...data.slice(0, -1), data[0]], limit, offset, stock_id, total_count };
    default:
      return undefined;
  }
}

/**
 * The body text to send for a would-be-2xx reply under a fault: shape faults bend the JSON,
 * 'malformed_json' cuts the serialised text in half (and the signature covers what is sent).
 */
export function bodyFor(reply: JsonReply, fault: FaultKind | undefined): string {
  let value = reply.body;
  if (fault === 'wrong_shape' && !reply.page) value = [reply.body];
  else if (fault && reply.page) value = bendPage(fault, reply.page) ?? reply.body;
  const text = JSON.stringify(value);
  return fault === 'malformed_json' ? text.slice(0, Math.floor(text.length / 2)) : text;
}
