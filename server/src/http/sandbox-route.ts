import { Router } from 'express';
import type { SandboxScenariosResponse } from '../contract/sandbox';
import { explainKind, explainUpstream } from '../explanations/find-explanation';
import type { FaultKind } from '../sandbox/sandbox';
import { demoStocks, errorScenarios, faultScenarios, SANDBOX_MCHID } from '../sandbox/sandbox';
import type { WechatPayErrorKind } from '../wechatpay/errors';

type Outcome = [WechatPayErrorKind, ('timeout' | 'network' | 'server_error')?];

/** The client error each sandbox fault ends in, for the "try these" list's explanation. */
const FAULT_OUTCOME: Record<FaultKind, Outcome> = {
  reset: ['upstream_unavailable', 'network'],
  timeout: ['upstream_unavailable', 'timeout'],
  slow: ['upstream_unavailable', 'timeout'],
  system_error: ['upstream_unavailable', 'server_error'],
  bad_gateway: ['upstream_unavailable', 'server_error'],
  service_unavailable: ['upstream_unavailable', 'server_error'],
  rate_limit: ['rate_limited'],
  malformed_json: ['malformed_response'],
  wrong_shape: ['malformed_response'],
  total_mismatch: ['malformed_response'],
  duplicate_codes: ['malformed_response'],
  bad_signature: ['bad_signature'],
  signtest: ['bad_signature'],
  foreign_key: ['bad_signature'],
  unknown_serial: ['unknown_serial'],
  stale_timestamp: ['stale_timestamp'],
  missing_headers: ['response_unsigned'],
  replayed_offset: ['malformed_response'],
  replayed_stock: ['malformed_response'],
};

function describeScenarios(): SandboxScenariosResponse {
  return {
    creator_mchid: SANDBOX_MCHID,
    stocks: demoStocks.map(({ id, name, kind, size, status }) => ({
      id,
      name,
      kind,
      size,
      status,
    })),
    scenarios: [
      ...errorScenarios.map((scenario) => ({
        id: scenario.id,
        kind: 'error_row' as const,
        row: scenario.row,
        explanation: explainUpstream(scenario.row).id,
      })),
      ...faultScenarios.map((scenario) => ({
        id: scenario.id,
        kind: 'fault' as const,
        fault: scenario.fault,
        ...(scenario.row ? { row: scenario.row } : {}),
        explanation: scenario.row
          ? explainUpstream(scenario.row).id
          : explainKind(...FAULT_OUTCOME[scenario.fault]).id,
      })),
    ],
  };
}

/** Mounted only when the console runs on the embedded sandbox. */
export function sandboxRouter(): Router {
  const router = Router();
  const body = describeScenarios();
  router.get('/sandbox/scenarios', (_req, res) => {
    res.json(body);
  });
  return router;
}
