/** Every way the sandbox can misbehave on purpose. */
export const FAULT_KINDS = [
  'reset',
  'timeout',
  'slow',
  'system_error',
  'bad_gateway',
  'service_unavailable',
  'rate_limit',
  'malformed_json',
  'bad_signature',
  'signtest',
  'unknown_serial',
  'stale_timestamp',
  'missing_headers',
  'wrong_shape',
  'total_mismatch',
  'duplicate_codes',
  'foreign_key',
  'replayed_offset',
  'replayed_stock',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];
/** A fault to inject; today just its kind (kept apart from FaultKind so it can grow options). */
export type Fault = FaultKind;

/** How long 'slow' waits before answering normally: past a client's usual 3 s timeout. */
export const SLOW_RESPONSE_MS = 4_000;

/** Seconds the 'stale_timestamp' fault moves Wechatpay-Timestamp into the past (> 300). */
export const STALE_TIMESTAMP_SECONDS = 360;

/** Whether a fault can turn this would-be-2xx response into a misbehaving one. */
export function faultApplies(kind: FaultKind, page: { dataLength: number } | undefined): boolean {
  if (kind === 'total_mismatch') return page !== undefined && page.dataLength >= 1;
  if (kind === 'duplicate_codes') return page !== undefined && page.dataLength >= 2;
  if (kind === 'replayed_offset' || kind === 'replayed_stock') return page !== undefined;
  return true;
}
