import { createCipheriv, randomInt } from 'node:crypto';

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 12-character nonce, as `encrypt_certificate.nonce` is (its bytes are the GCM IV). */
export function randomCertificateNonce(): string {
  let nonce = '';
  for (let i = 0; i < 12; i += 1) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return nonce;
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  nonce: string;
  associated_data: string;
  ciphertext: string;
}

/**
 * AEAD_AES_256_GCM as GET /v3/certificates uses it: key = the 32-byte APIv3 key, IV = the nonce's
 * bytes, AAD = associated_data, ciphertext = base64(encrypted bytes followed by the 16-byte tag).
 */
export function encryptResource(
  plaintext: string,
  apiv3Key: string,
  nonce: string,
  associatedData = 'certificate',
): EncryptedResource {
  const key = Buffer.from(apiv3Key, 'utf8');
  if (key.length !== 32) throw new RangeError('the APIv3 key must be 32 bytes');
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    nonce,
    associated_data: associatedData,
    ciphertext: Buffer.concat([encrypted, cipher.getAuthTag()]).toString('base64'),
  };
}
