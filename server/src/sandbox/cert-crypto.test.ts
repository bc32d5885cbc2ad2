import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readVector } from '../../test/support/sandbox-http';
import { encryptResource, randomCertificateNonce } from './cert-crypto';

const vector = (
  JSON.parse(readVector('vectors.json')) as {
    certificate_decrypt: {
      apiv3_key: string;
      nonce: string;
      associated_data: string;
      ciphertext: string;
    };
  }
).certificate_decrypt;

function decrypt(ciphertext: string, key: string, nonce: string, aad: string): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(-16));
  return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString(
    'utf8',
  );
}

describe('AEAD_AES_256_GCM certificate encryption', () => {
  it('reproduces the published wechatpay-java ciphertext from its plaintext, key and nonce', () => {
    const plaintext = readVector('platform-cert-decrypted.pem');
    const encrypted = encryptResource(
      plaintext,
      vector.apiv3_key,
      vector.nonce,
      vector.associated_data,
    );
    expect(encrypted).toEqual({
      algorithm: 'AEAD_AES_256_GCM',
      nonce: vector.nonce,
      associated_data: 'certificate',
      ciphertext: vector.ciphertext,
    });
  });

  it('round-trips with a fresh 12-character nonce, and the tag guards the AAD', () => {
    const nonce = randomCertificateNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9]{12}$/);
    const encrypted = encryptResource('hello', vector.apiv3_key, nonce);
    expect(decrypt(encrypted.ciphertext, vector.apiv3_key, nonce, 'certificate')).toBe('hello');
    expect(() => decrypt(encrypted.ciphertext, vector.apiv3_key, nonce, 'other')).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptResource('x', 'short', randomCertificateNonce())).toThrow(RangeError);
  });
});
