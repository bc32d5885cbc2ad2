import { createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * The request signing message (签名串): `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`, where URL is the
 * request-target exactly as sent (path plus `?query`) and a GET has an empty body.
 */
export function requestMessage(
  method: string,
  url: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The response (应答) signing message: `TIMESTAMP\nNONCE\nBODY\n` over the raw body sent. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** SHA256withRSA (RSA PKCS#1 v1.5 over SHA-256), base64: the only APIv3 signature scheme. */
export function signSha256Rsa(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

/** Verifies a SHA256withRSA base64 signature; anything malformed is simply not valid. */
export function verifySha256Rsa(message: string, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return createVerify('RSA-SHA256')
      .update(message, 'utf8')
      .verify(publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
