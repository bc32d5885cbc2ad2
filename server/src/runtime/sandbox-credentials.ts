import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { RunningSandbox } from '../sandbox/server';
import type { WechatPayCredentials } from './live-credentials';

/**
 * How the client verifies the sandbox's answers: 微信支付公钥, platform certificates, or both
 * (as a merchant migrating between them configures it).
 */
export type SandboxVerification = 'public_key' | 'certificate' | 'both';

/** The sandbox's merchant, as the client is given a real merchant's credentials. */
export function sandboxCredentials(
  sandbox: Pick<RunningSandbox, 'credentials'>,
  verification: SandboxVerification,
): WechatPayCredentials {
  const c = sandbox.credentials;
  const publicKey = { id: c.publicKeyId, key: createPublicKey(c.platformPublicKeyPem) };
  return {
    mchid: c.mchid,
    merchantSerialNo: c.merchantSerialNo,
    merchantPrivateKey: createPrivateKey(c.merchantPrivateKeyPem),
    ...(verification === 'certificate' ? {} : { publicKey }),
    ...(verification === 'public_key' ? {} : { apiv3Key: c.apiv3Key }),
  };
}
