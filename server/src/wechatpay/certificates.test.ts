import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rsaKeyPair } from '../../test/support/fake-upstream';
import { selfSignedCertificate } from '../../test/support/self-signed-certificate';
import { decryptAesGcm, decryptCertificates, parseCertificate } from './certificates';

const vectorsDir = new URL('../../test/vectors/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, vectorsDir), 'utf8');
const vector = z
  .object({
    certificate_decrypt: z.object({
      apiv3_key: z.string(),
      nonce: z.string(),
      associated_data: z.string(),
      ciphertext: z.string(),
      expected_serial_no: z.string(),
    }),
  })
  .parse(JSON.parse(read('vectors.json'))).certificate_decrypt;
const input = {
  apiv3Key: vector.apiv3_key,
  nonce: vector.nonce,
  associatedData: vector.associated_data,
  ciphertext: vector.ciphertext,
};

// Test-side AES-256-GCM sealing, written independently of certificates.ts.
function seal(plain: string, key: string, nonce: string, aad: string) {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return body.toString('base64');
}

describe('platform certificate decryption', () => {
  it('decrypts the wechatpay-java vector to the published PEM with its serial', () => {
    const pem = decryptAesGcm(input);
    expect(pem).toBe(read('platform-cert-decrypted.pem'));
    expect(parseCertificate(pem).serialNo).toBe(vector.expected_serial_no);
  });

  it('refuses a wrong key, wrong AAD or tampered ciphertext (GCM authentication)', () => {
    expect(() => decryptAesGcm({ ...input, apiv3Key: 'b'.repeat(32) })).toThrow();
    expect(() => decryptAesGcm({ ...input, associatedData: 'certificatE' })).toThrow();
    const bytes = Buffer.from(vector.ciphertext, 'base64');
    bytes[5] = (bytes[5] ?? 0) ^ 0xff;
    expect(() => decryptAesGcm({ ...input, ciphertext: bytes.toString('base64') })).toThrow();
    expect(() => decryptAesGcm({ ...input, apiv3Key: 'short' })).toThrow(/32 bytes/);
  });

  it('decrypts a listing and refuses an entry whose serial_no lies about its certificate', () => {
    const { publicKey, privateKey } = rsaKeyPair();
    const pem = selfSignedCertificate({
      serialHex: '4F00AA11BB22CC33',
      publicKey,
      privateKey,
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2040-01-01T00:00:00Z'),
    });
    const key = randomBytes(16).toString('hex');
    const entry = (serial_no: string) => ({
      serial_no,
      encrypt_certificate: {
        algorithm: 'AEAD_AES_256_GCM' as const,
        nonce: 'abcdef012345',
        associated_data: 'certificate',
        ciphertext: seal(pem, key, 'abcdef012345', 'certificate'),
      },
    });
    const [cert] = decryptCertificates({ data: [entry('4F00AA11BB22CC33')] }, key);
    expect(cert?.serialNo).toBe('4F00AA11BB22CC33');
    expect(cert?.validToMs).toBe(Date.parse('2040-01-01T00:00:00Z'));
    expect(cert?.publicKey.equals(publicKey)).toBe(true);
    expect(() => decryptCertificates({ data: [entry('5DEA10EF')] }, key)).toThrow(/does not match/);
  });
});
