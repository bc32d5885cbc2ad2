import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readVector } from '../../test/support/sandbox-http';
import { checkRequest } from './request-check';

// The items_request_sign vector, checked through the sandbox's own request verification.
const vectors = JSON.parse(readVector('vectors.json')) as {
  rsa_sha256_sign: { mchid: string; serial_no: string };
  items_request_sign: { message: string; signature_base64: string };
};
const [method = '', url = '', timestamp = '', nonce = ''] =
  vectors.items_request_sign.message.split('\n');
const keys = {
  mchid: vectors.rsa_sha256_sign.mchid,
  merchantSerialNo: vectors.rsa_sha256_sign.serial_no,
  merchantPublicKey: createPublicKey(readVector('merchant-test-pub.pem')),
};
const signedAt = Number(timestamp) * 1000;

function request(overrides: { url?: string; signature?: string } = {}) {
  const signature = overrides.signature ?? vectors.items_request_sign.signature_base64;
  const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${keys.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${keys.merchantSerialNo}",signature="${signature}"`;
  return {
    method,
    url: overrides.url ?? url,
    headers: { accept: 'application/json', 'user-agent': 'vectors', authorization },
    body: '',
  };
}

describe('checkRequest with the published items_request_sign vector', () => {
  it('accepts the vector request at its own time', () => {
    expect(method).toBe('GET');
    expect(checkRequest(request(), keys, signedAt)).toBeUndefined();
  });

  it('refuses it once the URL differs from what was signed, echoing the message', () => {
    const changed = url.replace('limit=10', 'limit=20');
    const reply = checkRequest(request({ url: changed }), keys, signedAt);
    expect(reply?.status).toBe(401);
    expect(reply?.body).toMatchObject({
      code: 'SIGN_ERROR',
      message: '错误的签名，验签失败',
      detail: {
        sign_information: {
          method: 'GET',
          url: changed,
          truncated_sign_message: vectors.items_request_sign.message.replace(
            'limit=10',
            'limit=20',
          ),
          sign_message_length: vectors.items_request_sign.message.length,
        },
      },
    });
  });

  it('refuses it 301 s later, and a SIGNTEST signature at any time', () => {
    expect(checkRequest(request(), keys, signedAt + 300_000)).toBeUndefined();
    expect(checkRequest(request(), keys, signedAt + 301_000)?.status).toBe(401);
    const probe = `WECHATPAY/SIGNTEST/${vectors.items_request_sign.signature_base64}`;
    expect(checkRequest(request({ signature: probe }), keys, signedAt)?.status).toBe(401);
  });
});
