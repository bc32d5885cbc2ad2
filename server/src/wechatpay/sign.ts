import { createSign, type KeyObject, randomBytes } from 'node:crypto';

export type RequestMessageParts = {
  method: string;
  /** Path plus `?query`, without scheme and host, exactly as sent (already encoded). */
  canonicalUrl: string;
  /** Whole seconds since the epoch. */
  timestamp: number | string;
  nonce: string;
  /** The request body as sent; a GET has none and signs an empty line. */
  body?: string;
};

/**
 * Rule (API v3 request signing): five lines, each ending in `\n`, the last included:
 * `METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\nBODY\n`.
 */
export function buildRequestMessage(parts: RequestMessageParts): string {
  const { method, canonicalUrl, timestamp, nonce, body = '' } = parts;
  return `${method.toUpperCase()}\n${canonicalUrl}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** Rule (API v3 request signing): RSA PKCS#1 v1.5 with SHA-256 over the message, base64. */
export function signMessage(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export type AuthorizationParts = {
  mchid: string;
  /** The merchant API certificate's serial number. */
  serialNo: string;
  nonce: string;
  timestamp: number | string;
  signature: string;
};

/** Rule (API v3 Authorization header): scheme `WECHATPAY2-SHA256-RSA2048` and five quoted fields. */
export function buildAuthorization(parts: AuthorizationParts): string {
  const { mchid, serialNo, nonce, timestamp, signature } = parts;
  return (
    'WECHATPAY2-SHA256-RSA2048 ' +
    `mchid="${mchid}",nonce_str="${nonce}",timestamp="${timestamp}",` +
    `serial_no="${serialNo}",signature="${signature}"`
  );
}

/** A fresh request nonce: 32 upper-case hex characters (128 random bits). */
export function generateNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}
