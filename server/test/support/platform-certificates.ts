import { createCipheriv, type KeyObject, randomBytes } from 'node:crypto';
import { rsaKeyPair, type Signer } from './fake-upstream';
import { selfSignedCertificate } from './self-signed-certificate';

// Test-only: platform certificates and the GET /v3/certificates body that carries them,
// sealed with AES-256-GCM by code independent of certificates.ts.

export const APIV3_KEY = 'Zk3c9QpL2mW8xR4tV6yB1nH5jD7gF0sA';

export type TestPlatformCertificate = Signer & { pem: string; publicKey: KeyObject };

export function platformCertificate(serial: string, notAfter = new Date('2040-01-01T00:00:00Z')) {
  const { publicKey, privateKey } = rsaKeyPair();
  const notBefore = new Date('2024-01-01T00:00:00Z');
  const pem = selfSignedCertificate({
    serialHex: serial,
    publicKey,
    privateKey,
    notBefore,
    notAfter,
  });
  return { serial, privateKey, publicKey, pem };
}

export function certificatesBody(certs: TestPlatformCertificate[], apiv3Key = APIV3_KEY) {
  return {
    data: certs.map((cert) => {
      const nonce = randomBytes(6).toString('hex');
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiv3Key), Buffer.from(nonce));
      cipher.setAAD(Buffer.from('certificate'));
      const sealed = Buffer.concat([cipher.update(cert.pem), cipher.final(), cipher.getAuthTag()]);
      return {
        serial_no: cert.serial,
        effective_time: '2024-01-01T00:00:00+08:00',
        expire_time: '2040-01-01T00:00:00+08:00',
        encrypt_certificate: {
          algorithm: 'AEAD_AES_256_GCM',
          nonce,
          associated_data: 'certificate',
          ciphertext: sealed.toString('base64'),
        },
      };
    }),
  };
}
