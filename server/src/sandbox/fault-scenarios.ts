import type { ErrorRow } from './error-scenarios';
import type { FaultKind } from './fault-kinds';

export interface FaultScenario {
  /** A reserved stock id, backed by a 20-code single-item voucher when it does answer. */
  id: string;
  fault: FaultKind;
  /** 1: every successful call misbehaves; 2: the 1st, 3rd, 5th … do (a "burst" limit). */
  every: 1 | 2;
  what: string;
  row?: ErrorRow;
}

type Entry = [fault: FaultKind, what: string, extra?: Partial<FaultScenario>];

const TABLE: readonly Entry[] = [
  [
    'system_error',
    '500 SYSTEM_ERROR on every call.',
    { row: { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' } },
  ],
  ['bad_gateway', '502 from a gateway: an HTML body, no JSON, no signature.'],
  [
    'service_unavailable',
    '503 SERVICE_UNAVAILABLE on every call.',
    { row: { status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务不可用，请稍后重试' } },
  ],
  ['slow', 'Answers correctly, but only after 4 s (past a 3 s client timeout).'],
  ['reset', 'The connection is dropped without an answer.'],
  ['malformed_json', '200 with a truncated JSON body, correctly signed over what is sent.'],
  ['bad_signature', '200 whose Wechatpay-Signature does not verify.'],
  ['signtest', '200 with a WECHATPAY/SIGNTEST/ probe signature: must fail verification.'],
  ['unknown_serial', '200 signed under a Wechatpay-Serial the merchant does not know.'],
  [
    'rate_limit',
    'Burst: 429 FREQUENCY_LIMIT_EXCEED on the 1st, 3rd, 5th … call; retries pass.',
    { every: 2, row: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' } },
  ],
  ['stale_timestamp', '200 whose Wechatpay-Timestamp is 6 minutes old.'],
  ['missing_headers', '200 without the Wechatpay-* signature headers.'],
  ['wrong_shape', '200, validly signed, but not the documented JSON shape.'],
  ['total_mismatch', '200 whose total_count is smaller than data.length.'],
  ['duplicate_codes', '200 whose page repeats a code.'],
  ['foreign_key', '200 signed by another key under the right serial.'],
  ['timeout', 'Never answers; the connection hangs until the client or the sandbox gives up.'],
  [
    'replayed_offset',
    '200 with the genuine, validly signed page of the next offset (the previous one at the last page).',
  ],
  [
    'replayed_stock',
    '200 with the genuine, validly signed page of another stock at the same offset and limit.',
  ],
];

/** Reserved stock ids 9910000001 … 9910000019 that misbehave on purpose. */
export const faultScenarios: readonly FaultScenario[] = TABLE.map(([fault, what, extra], i) => ({
  id: `99100000${String(i + 1).padStart(2, '0')}`,
  fault,
  every: 1,
  what,
  ...extra,
}));

export const findFaultScenario = (id: string) => faultScenarios.find((s) => s.id === id);
