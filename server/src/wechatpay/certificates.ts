import { createDecipheriv, type KeyObject, X509Certificate } from 'node:crypto';
import type { CertificatesResponse } from './schemas';

const TAG_BYTES = 16;

export type AeadInput = {
  /** The merchant's 32-byte APIv3 key. Never logged. */
  apiv3Key: string;
  nonce: string;
  associatedData?: string;
  /** base64; its last 16 decoded bytes are the GCM auth tag. */
  ciphertext: string;
};

/**
 * Rule (API v3 AEAD_AES_256_GCM): key = APIv3 key, iv = nonce, AAD = associated_data,
 * tag = last 16 bytes of the base64-decoded ciphertext. Throws when authentication fails.
 */
export function decryptAesGcm({ apiv3Key, nonce, associatedData, ciphertext }: AeadInput): string {
  const key = Buffer.from(apiv3Key, 'utf8');
  if (key.length !== 32) throw new RangeError('the APIv3 key must be 32 bytes');
  const sealed = Buffer.from(ciphertext, 'base64');
  if (sealed.length <= TAG_BYTES) throw new RangeError('ciphertext shorter than its auth tag');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const plain = Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
  return plain.toString('utf8');
}

export type PlatformCertificate = {
  /** Upper-case hex, as WeChat Pay writes it in Wechatpay-Serial. */
  serialNo: string;
  validFromMs: number;
  validToMs: number;
  publicKey: KeyObject;
};

/** Parses a platform certificate PEM; the serial is the certificate's own, upper-case hex. */
export function parseCertificate(pem: string): PlatformCertificate {
  const cert = new X509Certificate(pem);
  return {
    serialNo: cert.serialNumber.toUpperCase(),
    validFromMs: Date.parse(cert.validFrom),
    validToMs: Date.parse(cert.validTo),
    publicKey: cert.publicKey,
  };
}

/**
 * Rule (GET /v3/certificates): decrypt every `encrypt_certificate` and parse it. A certificate
 * whose own serial differs from the listed serial_no is refused: the listing would lie about it.
 */
export function decryptCertificates(
  body: CertificatesResponse,
  apiv3Key: string,
): PlatformCertificate[] {
  return body.data.map((entry) => {
    const sealed = entry.encrypt_certificate;
    const pem = decryptAesGcm({
      apiv3Key,
      nonce: sealed.nonce,
      associatedData: sealed.associated_data,
      ciphertext: sealed.ciphertext,
    });
    const cert = parseCertificate(pem);
    if (cert.serialNo !== entry.serial_no.toUpperCase()) {
      throw new Error(`certificate serial ${cert.serialNo} does not match ${entry.serial_no}`);
    }
    return cert;
  });
}
