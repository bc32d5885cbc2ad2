// Test-only: what the client must make of every sandbox fault. A Record over FaultKind, so a
// fault added to the sandbox fails the typecheck here until its outcome is decided.
import { type FaultKind, faultScenarios } from '../../src/sandbox/sandbox';
import type { WechatPayError, WechatPayErrorKind } from '../../src/wechatpay/errors';

export interface FaultOutcome {
  kind: WechatPayErrorKind;
  /** Retryable kinds are asked again up to maxRetries; the others fail at the first answer. */
  retried: boolean;
  cause?: WechatPayError['cause'];
  status?: number;
  /** The sandbox never answers in time: the test needs a short client timeout. */
  hangs?: boolean;
}

export const FAULT_OUTCOMES: Record<FaultKind, FaultOutcome> = {
  reset: { kind: 'upstream_unavailable', cause: 'network', retried: true },
  timeout: { kind: 'upstream_unavailable', cause: 'timeout', retried: true, hangs: true },
  slow: { kind: 'upstream_unavailable', cause: 'timeout', retried: true, hangs: true },
  system_error: { kind: 'upstream_unavailable', cause: 'server_error', status: 500, retried: true },
  bad_gateway: { kind: 'upstream_unavailable', cause: 'server_error', status: 502, retried: true },
  service_unavailable: {
    kind: 'upstream_unavailable',
    cause: 'server_error',
    status: 503,
    retried: true,
  },
  rate_limit: { kind: 'rate_limited', status: 429, retried: true },
  malformed_json: { kind: 'malformed_response', retried: false },
  wrong_shape: { kind: 'malformed_response', retried: false },
  total_mismatch: { kind: 'malformed_response', retried: false },
  duplicate_codes: { kind: 'malformed_response', retried: false },
  bad_signature: { kind: 'bad_signature', retried: false },
  signtest: { kind: 'bad_signature', retried: false },
  foreign_key: { kind: 'bad_signature', retried: false },
  unknown_serial: { kind: 'unknown_serial', retried: false },
  stale_timestamp: { kind: 'stale_timestamp', retried: false },
  missing_headers: { kind: 'response_unsigned', retried: false },
  replayed_offset: { kind: 'malformed_response', retried: false },
  replayed_stock: { kind: 'malformed_response', retried: false },
};

/** The reserved stock id whose every answer shows this fault (README: "Fault scenarios"). */
export function scenarioIdOf(kind: FaultKind): string {
  const scenario = faultScenarios.find((s) => s.fault === kind);
  if (!scenario) throw new Error(`no fault scenario for ${kind}`);
  return scenario.id;
}

export const faultKindsWhere = (test: (outcome: FaultOutcome) => boolean): FaultKind[] =>
  (Object.keys(FAULT_OUTCOMES) as FaultKind[]).filter((kind) => test(FAULT_OUTCOMES[kind]));
