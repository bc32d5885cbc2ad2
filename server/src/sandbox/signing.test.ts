import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readVector } from '../../test/support/sandbox-http';
import { requestMessage, responseMessage, signSha256Rsa, verifySha256Rsa } from './signing';

const vectors = JSON.parse(readVector('vectors.json')) as {
  rsa_sha256_sign: { message: string; signature_base64: string };
  items_request_sign: { message: string; signature_base64: string };
};
const publicKey = createPublicKey(readVector('merchant-test-pub.pem'));
const privateKey = createPrivateKey(readVector('merchant-test-key.pem'));

describe('request signatures against the published vectors', () => {
  it('builds the items request message byte for byte', () => {
    const message = requestMessage(
      'GET',
      '/v3/marketing/favor/stocks/9865000/items?offset=0&limit=10&stock_creator_mchid=9865000',
      '1554208460',
      '593BEC0C930BF1AFEB40B4A08C8FB242',
      '',
    );
    expect(message).toBe(vectors.items_request_sign.message);
  });

  it('verifies the items_request_sign vector with merchant-test-pub.pem', () => {
    const { message, signature_base64 } = vectors.items_request_sign;
    expect(verifySha256Rsa(message, signature_base64, publicKey)).toBe(true);
  });

  it('verifies the rsa_sha256_sign vector (wechatpay-go) with merchant-test-pub.pem', () => {
    const { message, signature_base64 } = vectors.rsa_sha256_sign;
    expect(verifySha256Rsa(message, signature_base64, publicKey)).toBe(true);
  });

  it('reproduces the vectors when signing (PKCS#1 v1.5 is deterministic)', () => {
    for (const vector of [vectors.rsa_sha256_sign, vectors.items_request_sign]) {
      expect(signSha256Rsa(vector.message, privateKey)).toBe(vector.signature_base64);
    }
  });

  it('rejects a changed message, a changed signature, a SIGNTEST probe and garbage', () => {
    const { message, signature_base64 } = vectors.items_request_sign;
    expect(
      verifySha256Rsa(message.replace('limit=10', 'limit=11'), signature_base64, publicKey),
    ).toBe(false);
    const flipped = `${signature_base64[0] === 'A' ? 'B' : 'A'}${signature_base64.slice(1)}`;
    expect(verifySha256Rsa(message, flipped, publicKey)).toBe(false);
    expect(verifySha256Rsa(message, `WECHATPAY/SIGNTEST/${signature_base64}`, publicKey)).toBe(
      false,
    );
    expect(verifySha256Rsa(message, 'not base64!', publicKey)).toBe(false);
    expect(verifySha256Rsa(message, '', publicKey)).toBe(false);
  });
});

describe('response messages', () => {
  it('are TIMESTAMP, NONCE and BODY each ending in a newline', () => {
    expect(responseMessage('1554208460', 'N', '{"a":1}')).toBe('1554208460\nN\n{"a":1}\n');
    expect(responseMessage('1', 'N', '')).toBe('1\nN\n\n');
  });
});
