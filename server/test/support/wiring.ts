// Test-only wiring: the real WeChat Pay client pointed at a real sandbox on port 0. Both sides
// are used exactly as the console uses them; nothing here re-implements protocol code.
import type { Clock } from '../../src/lib/clock';
import {
  type SandboxVerification,
  sandboxCredentials,
} from '../../src/runtime/sandbox-credentials';
import { type RunningSandbox, SANDBOX_MCHID, type SandboxOptions } from '../../src/sandbox/sandbox';
import { codesOf, findStock } from '../../src/sandbox/stock-catalog';
import { createWechatPayClient, type WechatPayClientOptions } from '../../src/wechatpay/client';
import { createPacer, type Pacer } from '../../src/wechatpay/pacer';
import { startTestSandbox } from './sandbox-http';

/** How the client verifies answers: 微信支付公钥, platform certificates, or both (migration). */
export type VerificationMode = SandboxVerification;

/** Limits no test reaches, for tests that are not about rate limits. */
export const HIGH_LIMITS = { perMinute: 1_000_000, perIpPerMinute: 1_000_000 };

/** A sandbox with no latency, high limits and the key set every test file shares. */
export function startIntegrationSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startTestSandbox({ limits: HIGH_LIMITS, ...options });
}

/** A pacer that queues nothing in practice: the pacing code runs, the test stays fast. */
export function generousPacer(clock: Clock): Pacer {
  return createPacer({
    clock,
    limits: [
      { key: 'egress-ip', perMinute: 1_000_000 },
      { key: 'merchant', perMinute: 1_000_000 },
    ],
  });
}

export type ClientSetup = Partial<WechatPayClientOptions> & { verification?: VerificationMode };

/**
 * Client options for this sandbox's merchant; retries are fast and counted by the tests. The
 * per-attempt timeout is a real one: long enough that no answer of a busy machine runs into
 * it, so a test that means a timeout (a hung answer) sets its own.
 */
export function clientOptionsFor(
  sandbox: RunningSandbox,
  setup: ClientSetup = {},
): WechatPayClientOptions {
  const { verification = 'public_key', ...overrides } = setup;
  return {
    ...sandboxCredentials(sandbox, verification),
    baseUrl: sandbox.url,
    userAgent: 'coupon-coverage-console-integration/0.1.0 (node)',
    timeoutMs: 15_000,
    maxRetries: 2,
    backoffBaseMs: 1,
    rateLimitBackoffMs: 1,
    ...overrides,
  };
}

export function clientFor(sandbox: RunningSandbox, setup: ClientSetup = {}) {
  return createWechatPayClient(clientOptionsFor(sandbox, setup));
}

/** The codes the sandbox holds for a stock, in its stable order (the ground truth). */
export function codesOfStock(stockId: string): readonly string[] {
  const stock = findStock(stockId);
  if (!stock) throw new Error(`the sandbox has no stock ${stockId}`);
  return codesOf(stock);
}

/** Items queries of the sandbox merchant's own stocks. */
export const itemsQuery = (stockId: string, offset = 0, limit = 100) => ({
  stockId,
  stockCreatorMchid: SANDBOX_MCHID,
  offset,
  limit,
});
