import type { KeyObject } from 'node:crypto';
import type { Clock } from '../lib/clock';
import { decryptCertificates, type PlatformCertificate } from './certificates';
import { toWechatPayError, type WechatPayResult } from './errors';
import { parseBody, verificationError } from './responses';
import { certificatesResponseSchema } from './schemas';
import type { Transport } from './transport';
import { verifyResponse } from './verify';

export type CertificateDownloadOptions = {
  transport: Transport;
  /** The 32-byte APIv3 key that seals the certificates. Never logged. */
  apiv3Key: string;
  /** Keys already trusted (earlier certificates, the public key). */
  trusted: (serial: string) => KeyObject | undefined;
  clock: Clock;
};

/**
 * Rule (GET /v3/certificates): the download is a signed request like any other; its response
 * must verify with a key already trusted or, to bootstrap, with a certificate it contains.
 */
export function createCertificateDownload(options: CertificateDownloadOptions) {
  const { transport, apiv3Key, trusted, clock } = options;
  return (): Promise<WechatPayResult<PlatformCertificate[]>> =>
    transport.get('/v3/certificates', async (response) => {
      const verify = (resolveKey: (serial: string) => KeyObject | undefined) =>
        verifyResponse({ ...response, nowMs: clock.now(), resolveKey });
      const first = verify(trusted);
      if (!first.ok && first.failure.kind !== 'unknown_serial') {
        return { ok: false, error: verificationError(response, first.failure) };
      }
      const parsed = parseBody(response, certificatesResponseSchema);
      if (!parsed.ok) return parsed;
      let certificates: PlatformCertificate[];
      try {
        certificates = decryptCertificates(parsed.data, apiv3Key);
      } catch (thrown) {
        const message = `platform certificate could not be decrypted: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
        const { status, headers } = response;
        const local = { kind: 'malformed_response' as const, message };
        return { ok: false, error: toWechatPayError({ status, headers, local }) };
      }
      if (!first.ok) {
        const contained = new Map(certificates.map((cert) => [cert.serialNo, cert.publicKey]));
        const second = verify((serial) => contained.get(serial.toUpperCase()) ?? trusted(serial));
        if (!second.ok) return { ok: false, error: verificationError(response, second.failure) };
      }
      return { ok: true, data: certificates };
    });
}
