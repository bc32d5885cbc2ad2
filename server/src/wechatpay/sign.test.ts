import { createPrivateKey, createPublicKey, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAuthorization, buildRequestMessage, generateNonce, signMessage } from './sign';

const vectorsDir = new URL('../../test/vectors/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, vectorsDir), 'utf8');
const vectors = z
  .object({
    rsa_sha256_sign: z.object({
      message: z.string(),
      signature_base64: z.string(),
      mchid: z.string(),
      serial_no: z.string(),
    }),
    items_request_sign: z.object({ message: z.string(), signature_base64: z.string() }),
  })
  .parse(JSON.parse(read('vectors.json')));
const merchantKey = createPrivateKey(read('merchant-test-key.pem'));

describe('request signing', () => {
  it('matches the published wechatpay-go RSA-SHA256 vector exactly', () => {
    const { message, signature_base64 } = vectors.rsa_sha256_sign;
    expect(signMessage(message, merchantKey)).toBe(signature_base64);
    const verifier = createVerify('RSA-SHA256').update(message);
    expect(
      verifier.verify(createPublicKey(read('merchant-test-pub.pem')), signature_base64, 'base64'),
    ).toBe(true);
  });

  it('builds and signs the items request message of the vector exactly', () => {
    const message = buildRequestMessage({
      method: 'get',
      canonicalUrl:
        '/v3/marketing/favor/stocks/9865000/items?offset=0&limit=10&stock_creator_mchid=9865000',
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    expect(message).toBe(vectors.items_request_sign.message);
    expect(message.endsWith('\n\n')).toBe(true);
    expect(signMessage(message, merchantKey)).toBe(vectors.items_request_sign.signature_base64);
  });

  it('puts a body on its own line and ends every line with a newline', () => {
    const message = buildRequestMessage({
      method: 'POST',
      canonicalUrl: '/v3/x',
      timestamp: '1',
      nonce: 'N',
      body: '{"a":1}',
    });
    expect(message).toBe('POST\n/v3/x\n1\nN\n{"a":1}\n');
  });

  it('writes the WECHATPAY2-SHA256-RSA2048 Authorization header', () => {
    const { mchid, serial_no } = vectors.rsa_sha256_sign;
    const header = buildAuthorization({
      mchid,
      serialNo: serial_no,
      nonce: 'ABC',
      timestamp: 1554208460,
      signature: 'c2ln',
    });
    expect(header).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1234567890",nonce_str="ABC",timestamp="1554208460",serial_no="F5765756002FDD77",signature="c2ln"',
    );
  });

  it('makes fresh 32-character upper-case hex nonces', () => {
    const nonces = new Set(Array.from({ length: 50 }, generateNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9A-F]{32}$/);
  });
});
