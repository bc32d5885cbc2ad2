import { X509Certificate } from 'node:crypto';
import { encryptResource, randomCertificateNonce } from './cert-crypto';
import type { SandboxKeys } from './keys';
import { type JsonReply, okReply } from './reply';
import { toBeijingRfc3339 } from './time-format';

/**
 * GET /v3/certificates: the platform certificate, AEAD_AES_256_GCM-encrypted with the APIv3 key
 * (AAD "certificate", fresh 12-char nonce per call). Served in both signing modes so one sandbox
 * can test both client modes.
 */
export function certificatesReply(keys: SandboxKeys): JsonReply {
  const certificate = new X509Certificate(keys.platformCertificatePem);
  return okReply({
    data: [
      {
        serial_no: keys.platformSerialNo,
        effective_time: toBeijingRfc3339(Date.parse(certificate.validFrom)),
        expire_time: toBeijingRfc3339(Date.parse(certificate.validTo)),
        encrypt_certificate: encryptResource(
          keys.platformCertificatePem,
          keys.apiv3Key,
          randomCertificateNonce(),
        ),
      },
    ],
  });
}
