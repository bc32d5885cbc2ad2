import type { ApiErrorPayload } from 'server/contract';

/**
 * How a request failed: our API answered with its error shape (`api`), something else answered
 * a non-2xx without it (`http`, e.g. a proxy), the network failed (`network`), or a 2xx body did
 * not match the contract (`contract`).
 */
export type FailureKind = 'api' | 'http' | 'network' | 'contract';

/** The one error the web app throws for any failed call to the console's HTTP API. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: FailureKind,
    readonly status: number | null,
    readonly payload: ApiErrorPayload | null,
    /** Our own X-Request-Id, for the console's technical team (not WeChat Pay's Request-ID). */
    readonly consoleRequestId: string | null,
  ) {
    super(payload ? `${payload.code}: ${payload.message}` : `API request failed (${kind})`);
  }
}
