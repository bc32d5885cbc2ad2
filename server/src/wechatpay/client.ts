import type { KeyObject } from 'node:crypto';
import { type Clock, systemClock } from '../lib/clock';
import { createCertificateDownload } from './certificate-download';
import { toWechatPayError, type WechatPayResult } from './errors';
import {
  checkInput,
  type ItemsQuery,
  itemsQuerySchema,
  type StockQuery,
  stockQuerySchema,
} from './inputs';
import { foreignAnswer } from './items-answer';
import type { Pacer, PacerPriority } from './pacer';
import { createPlatformKeyStore } from './platform-keys';
import { acceptVerifiedJson } from './responses';
import { type ItemsPage, itemsPageSchema, type StockDetails, stockDetailsSchema } from './schemas';
import { generateNonce } from './sign';
import { type Accept, createTransport, type Logger, type OnRetry, type Pacing } from './transport';

export type WechatPayClientOptions = {
  mchid: string;
  /** Serial of the merchant API certificate whose private key signs our requests. */
  merchantSerialNo: string;
  merchantPrivateKey: KeyObject;
  /** Public-key mode: WeChat Pay's public key and its `PUB_KEY_ID_…` id. */
  publicKey?: { id: string; key: KeyObject };
  /** Certificate mode: the 32-byte APIv3 key that decrypts platform certificates. */
  apiv3Key?: string;
  baseUrl: string;
  backupBaseUrl?: string;
  userAgent: string;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  /** Least wait after a 429 before retrying (default 1 s). */
  rateLimitBackoffMs?: number;
  pacer?: Pacer;
  clock?: Clock;
  nonce?: () => string;
  fetch?: typeof fetch;
  random?: () => number;
  logger?: Logger;
  /** Certificate mode: how often to re-download (must stay under 12 h; default 6 h). */
  certificateRefreshIntervalMs?: number;
};

export type OffsetMode = 'page' | 'item';
export type CallOptions = {
  signal?: AbortSignal;
  onRetry?: OnRetry;
  /** The pacer queue to wait in: background for scan walks, interactive (default) otherwise. */
  priority?: PacerPriority;
  /** Whose turn in the pacer's line this call takes (see AcquireOptions.requester). */
  requester?: string;
};

export type WechatPayClient = {
  /** GET /v3/marketing/favor/stocks/{stock_id}/items: one page of a stock's product codes. */
  listAvailableItems(query: ItemsQuery, options?: CallOptions): Promise<WechatPayResult<ItemsPage>>;
  /** GET /v3/marketing/favor/stocks/{stock_id}: the stock's details, for context. */
  getStock(query: StockQuery, options?: CallOptions): Promise<WechatPayResult<StockDetails>>;
  /** How this process found the items endpoint reads `offset` (see pagination.ts), if known. */
  offsetMode(): OffsetMode | undefined;
  rememberOffsetMode(mode: OffsetMode): void;
  /** Serials of the platform keys trusted right now (diagnostics). */
  platformSerials(): string[];
};

const pacingOf = (options: CallOptions = {}): Pacing => ({
  ...(options.priority ? { priority: options.priority } : {}),
  ...(options.requester ? { requester: options.requester } : {}),
});

/** Creates the WeChat Pay API v3 client; throws at once on configuration that cannot work. */
export function createWechatPayClient(options: WechatPayClientOptions): WechatPayClient {
  const { publicKey, apiv3Key, logger } = options;
  if (!publicKey && !apiv3Key) {
    throw new TypeError('WeChat Pay client needs publicKey (public-key mode) and/or apiv3Key');
  }
  if (apiv3Key !== undefined && Buffer.byteLength(apiv3Key) !== 32) {
    throw new TypeError('the APIv3 key must be 32 bytes');
  }
  const clock = options.clock ?? systemClock;
  const transport = createTransport({
    ...options,
    timeoutMs: options.timeoutMs ?? 3_000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 200,
    clock,
    nonce: options.nonce ?? generateNonce,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    random: options.random ?? Math.random,
    // Asks for public-key-signed responses, also while a migration leaves both modes active.
    headers: publicKey ? { 'Wechatpay-Serial': publicKey.id } : {},
  });
  const store = createPlatformKeyStore({
    publicKey,
    clock,
    logger,
    refreshIntervalMs: options.certificateRefreshIntervalMs,
    download: apiv3Key
      ? createCertificateDownload({ transport, apiv3Key, clock, trusted: (s) => store.resolve(s) })
      : undefined,
  });
  const acceptItems = acceptVerifiedJson(itemsPageSchema, store, clock);
  // A verified page of another request is malformed for this one: never retried, never data.
  const acceptItemsFor =
    (asked: ItemsQuery): Accept<ItemsPage> =>
    async (response, signal) => {
      const accepted = await acceptItems(response, signal);
      const foreign = accepted.ok ? foreignAnswer(accepted.data, asked) : undefined;
      if (!foreign) return accepted;
      const { status, headers } = response;
      const local = { kind: 'malformed_response' as const, message: foreign };
      return { ok: false, error: toWechatPayError({ status, headers, local }) };
    };
  const acceptStock = acceptVerifiedJson(stockDetailsSchema, store, clock);
  let offsetMode: OffsetMode | undefined;
  const stockPath = (stockId: string) =>
    `/v3/marketing/favor/stocks/${encodeURIComponent(stockId)}`;

  return {
    async listAvailableItems(query, callOptions) {
      const input = checkInput(itemsQuerySchema, query);
      if (!input.ok)
        return { ok: false, error: toWechatPayError({ local: input.failure }), attempts: 0 };
      const { stockId, stockCreatorMchid, offset, limit } = input.data;
      const search = new URLSearchParams({
        offset: String(offset),
        limit: String(limit),
        stock_creator_mchid: stockCreatorMchid,
      });
      return transport.get(
        `${stockPath(stockId)}/items?${search}`,
        acceptItemsFor(input.data),
        callOptions?.signal,
        callOptions?.onRetry,
        pacingOf(callOptions),
      );
    },
    async getStock(query, callOptions) {
      const input = checkInput(stockQuerySchema, query);
      if (!input.ok)
        return { ok: false, error: toWechatPayError({ local: input.failure }), attempts: 0 };
      const { stockId, stockCreatorMchid } = input.data;
      const search = new URLSearchParams({ stock_creator_mchid: stockCreatorMchid });
      const path = `${stockPath(stockId)}?${search}`;
      const { signal, onRetry } = callOptions ?? {};
      return transport.get(path, acceptStock, signal, onRetry, pacingOf(callOptions));
    },
    offsetMode: () => offsetMode,
    rememberOffsetMode(mode) {
      offsetMode = mode;
    },
    platformSerials: () => store.serials(),
  };
}
