import type { IncomingHttpHeaders } from 'node:http';
import { parseAuthorization } from './authorization';
import { REQUEST_CLOCK_SKEW_SECONDS } from './constants';
import type { SandboxKeys } from './keys';
import { errorReply, type JsonReply, PLATFORM_ROWS } from './reply';
import { requestMessage, verifySha256Rsa } from './signing';

export interface IncomingRequest {
  method: string;
  /** The raw request-target exactly as sent (path plus query): what the merchant signed. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const MESSAGES = {
  format: 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》',
  scheme: 'Http头Authorization认证类型不正确',
  serial: '商户证书序列号有误。',
  timestamp: 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟',
  signature: '错误的签名，验签失败',
};

/** WeChat Pay echoes the message it verified, with the body cut to its first 8 characters. */
function signInformation(request: IncomingRequest, timestamp: string, nonce: string) {
  const message = requestMessage(request.method, request.url, timestamp, nonce, request.body);
  const head = requestMessage(request.method, request.url, timestamp, nonce, '').slice(0, -1);
  return {
    method: request.method,
    url: request.url,
    truncated_sign_message: `${head}${request.body.slice(0, 8)}\n`,
    sign_message_length: Buffer.byteLength(message, 'utf8'),
  };
}

function signError(message: string, field: string, issue: string, info: object): JsonReply {
  return errorReply(
    { status: 401, code: 'SIGN_ERROR', message },
    { field, issue, location: 'authorization', sign_information: info },
  );
}

/**
 * The checks WeChat Pay makes before anything else: Accept and User-Agent present (400), then the
 * Authorization header's format, merchant, serial, ±5 min timestamp and signature (401 SIGN_ERROR).
 * Returns the error to answer, or undefined when the request may proceed.
 */
export function checkRequest(
  request: IncomingRequest,
  keys: Pick<SandboxKeys, 'mchid' | 'merchantSerialNo' | 'merchantPublicKey'>,
  nowMs: number,
): JsonReply | undefined {
  if (!request.headers.accept || !request.headers['user-agent']) {
    return errorReply(PLATFORM_ROWS.missingHeaders);
  }
  const auth = parseAuthorization(request.headers.authorization);
  if (!auth.ok) {
    const info = signInformation(
      request,
      auth.partial.timestamp ?? '',
      auth.partial.nonce_str ?? '',
    );
    return signError(MESSAGES[auth.reason], 'authorization', `bad ${auth.reason}`, info);
  }
  const { mchid, nonce_str, timestamp, serial_no, signature } = auth.fields;
  const info = signInformation(request, timestamp, nonce_str);
  if (mchid !== keys.mchid) return signError(MESSAGES.serial, 'mchid', 'unknown mchid', info);
  if (serial_no.toUpperCase() !== keys.merchantSerialNo) {
    return signError(MESSAGES.serial, 'serial_no', 'unknown serial_no', info);
  }
  if (Math.abs(Number(timestamp) - Math.floor(nowMs / 1000)) > REQUEST_CLOCK_SKEW_SECONDS) {
    return signError(MESSAGES.timestamp, 'timestamp', 'timestamp out of range', info);
  }
  const message = requestMessage(request.method, request.url, timestamp, nonce_str, request.body);
  if (!verifySha256Rsa(message, signature, keys.merchantPublicKey)) {
    return signError(MESSAGES.signature, 'signature', 'sign not match', info);
  }
  return undefined;
}
