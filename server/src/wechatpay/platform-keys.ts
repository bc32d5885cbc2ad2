import type { KeyObject } from 'node:crypto';
import type { Clock } from '../lib/clock';
import type { PlatformCertificate } from './certificates';
import type { WechatPayResult } from './errors';
import type { Logger } from './transport';

export const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';
/** Certificates rotate with ~24 h notice, so anything under 12 h never misses a new one. */
export const DEFAULT_REFRESH_INTERVAL_MS = 6 * 60 * 60 * 1000;
export const REFRESH_COOLDOWN_MS = 60_000;

export type PlatformKeyStoreOptions = {
  /** Public-key mode: WeChat Pay's public key and its id (`PUB_KEY_ID_…`). */
  publicKey?: { id: string; key: KeyObject };
  /** Certificate mode: downloads, decrypts and verifies GET /v3/certificates. */
  download?: () => Promise<WechatPayResult<PlatformCertificate[]>>;
  clock: Clock;
  refreshIntervalMs?: number;
  logger?: Logger;
};

export type PlatformKeyStore = {
  /** The `Wechatpay-Serial` request header to send (public-key mode), if any. */
  requestSerial: string | undefined;
  /** The trusted key for a serial: the public key, or an unexpired platform certificate. */
  resolve(serial: string): KeyObject | undefined;
  /** Certificate mode: refreshes when the certificates were never loaded or are due. */
  refreshIfDue(serial: string, signal?: AbortSignal): Promise<void>;
  /** Certificate mode: refreshes (at most once a minute); true when the serial is now known. */
  refreshForUnknownSerial(serial: string, signal?: AbortSignal): Promise<boolean>;
  /** Serials currently trusted (diagnostics). */
  serials(): string[];
};

/** Waits for `work`, or rejects with the abort reason as soon as `signal` aborts. */
function untilDone(work: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Rule (API v3 platform keys): public-key mode trusts one `PUB_KEY_ID_…` key; certificate mode
 * keeps every unexpired downloaded certificate, refreshes at intervals under 12 h and on an
 * unknown serial at most once a minute. Both may be configured at once (migration).
 */
export function createPlatformKeyStore(options: PlatformKeyStoreOptions): PlatformKeyStore {
  const { publicKey, download, clock, logger } = options;
  const refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
  const certificates = new Map<string, PlatformCertificate>();
  let lastSuccessMs: number | undefined;
  let lastAttemptMs: number | undefined;
  let inflight: Promise<void> | undefined;

  const usesCertificates = (serial: string) =>
    download !== undefined && !serial.startsWith(PUBLIC_KEY_ID_PREFIX);
  const coolingDown = () =>
    lastAttemptMs !== undefined && clock.now() - lastAttemptMs < REFRESH_COOLDOWN_MS;

  async function load(fetchCertificates: NonNullable<typeof download>): Promise<void> {
    lastAttemptMs = clock.now();
    try {
      const result = await fetchCertificates();
      if (!result.ok) {
        const { kind, message, requestId } = result.error;
        logger?.warn({ kind, message, requestId }, 'wechatpay platform certificates not refreshed');
        return;
      }
      for (const cert of result.data) certificates.set(cert.serialNo, cert);
      lastSuccessMs = clock.now();
      logger?.info({ serials: [...certificates.keys()] }, 'wechatpay platform certificates loaded');
    } catch (thrown) {
      logger?.warn({ message: String(thrown) }, 'wechatpay platform certificates not refreshed');
    }
  }

  // One shared download at a time. It never rejects and takes no caller's signal, so one
  // caller's abort cannot fail the refresh the others are waiting for.
  const refresh = (): Promise<void> => {
    if (!download) return Promise.resolve();
    inflight ??= load(download).finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  const resolve = (serial: string): KeyObject | undefined => {
    if (publicKey && serial === publicKey.id) return publicKey.key;
    const cert = certificates.get(serial.toUpperCase());
    if (!cert) return undefined;
    if (cert.validToMs > clock.now()) return cert.publicKey;
    certificates.delete(cert.serialNo);
    return undefined;
  };

  return {
    requestSerial: publicKey?.id,
    resolve,
    async refreshIfDue(serial, signal) {
      if (!usesCertificates(serial)) return;
      const due = lastSuccessMs === undefined || clock.now() - lastSuccessMs >= refreshIntervalMs;
      if (inflight || (due && !coolingDown())) await untilDone(inflight ?? refresh(), signal);
    },
    async refreshForUnknownSerial(serial, signal) {
      if (!usesCertificates(serial)) return false;
      if (inflight || !coolingDown()) await untilDone(inflight ?? refresh(), signal);
      return resolve(serial) !== undefined;
    },
    serials: () => [
      ...(publicKey ? [publicKey.id] : []),
      ...[...certificates.values()].filter((c) => c.validToMs > clock.now()).map((c) => c.serialNo),
    ],
  };
}
