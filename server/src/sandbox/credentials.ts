import type { SandboxKeys } from './keys';

/** What a merchant would hold to call the sandbox: its own keys and WeChat Pay's public side. */
export interface SandboxCredentials {
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  publicKeyId: string;
  platformPublicKeyPem: string;
  platformCertificatePem: string;
  platformSerialNo: string;
  apiv3Key: string;
}

/** platformPublicKeyPem is the 微信支付公钥 (public-key mode), not the certificate's key. */
export function toCredentials(keys: SandboxKeys): SandboxCredentials {
  return {
    mchid: keys.mchid,
    merchantSerialNo: keys.merchantSerialNo,
    merchantPrivateKeyPem: String(keys.merchantPrivateKey.export({ type: 'pkcs8', format: 'pem' })),
    publicKeyId: keys.publicKeyId,
    platformPublicKeyPem: String(keys.wechatpayPublicKey.export({ type: 'spki', format: 'pem' })),
    platformCertificatePem: keys.platformCertificatePem,
    platformSerialNo: keys.platformSerialNo,
    apiv3Key: keys.apiv3Key,
  };
}
