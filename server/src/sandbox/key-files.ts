import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { access, chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SandboxKeys } from './keys';

/** File names in a keys directory. The merchant-side names are the ones the console reads. */
export const KEY_FILES = {
  meta: 'sandbox.json',
  merchantPrivateKey: 'apiclient_key.pem',
  merchantPublicKey: 'apiclient_pub.pem',
  wechatpayPublicKey: 'pub_key.pem',
  wechatpayPrivateKey: 'sandbox_pub_key_private.pem',
  platformCertificate: 'wechatpay_platform_cert.pem',
  platformPrivateKey: 'sandbox_platform_private_key.pem',
  apiv3Key: 'apiv3_key.txt',
} as const;

const metaSchema = z.object({
  mchid: z.string().regex(/^\d{1,20}$/),
  merchantSerialNo: z.string().regex(/^[0-9A-F]{40}$/),
  publicKeyId: z.string().regex(/^PUB_KEY_ID_\d+$/),
  platformSerialNo: z.string().regex(/^[0-9A-F]{40}$/),
});

const pem = (key: KeyObject) => String(key.export({ type: 'pkcs8', format: 'pem' }));
const publicPem = (key: KeyObject) => String(key.export({ type: 'spki', format: 'pem' }));

/** Writes the key set; private keys and the APIv3 key are created with mode 0600. */
export async function writeKeyFiles(dir: string, keys: SandboxKeys): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = (name: string) => join(dir, name);
  // chmod too: writeFile's mode only applies when it creates the file.
  const secret = async (name: string, content: string) => {
    await writeFile(path(name), content, { mode: 0o600 });
    await chmod(path(name), 0o600);
  };
  const meta = {
    mchid: keys.mchid,
    merchantSerialNo: keys.merchantSerialNo,
    publicKeyId: keys.publicKeyId,
    platformSerialNo: keys.platformSerialNo,
  };
  await Promise.all([
    secret(KEY_FILES.merchantPrivateKey, pem(keys.merchantPrivateKey)),
    writeFile(path(KEY_FILES.merchantPublicKey), publicPem(keys.merchantPublicKey)),
    writeFile(path(KEY_FILES.wechatpayPublicKey), publicPem(keys.wechatpayPublicKey)),
    secret(KEY_FILES.wechatpayPrivateKey, pem(keys.wechatpayPrivateKey)),
    writeFile(path(KEY_FILES.platformCertificate), keys.platformCertificatePem),
    secret(KEY_FILES.platformPrivateKey, pem(keys.platformPrivateKey)),
    secret(KEY_FILES.apiv3Key, keys.apiv3Key),
  ]);
  // Written last and renamed into place: its presence marks a complete key set.
  const temporary = path(`${KEY_FILES.meta}.${process.pid}.tmp`);
  await writeFile(temporary, `${JSON.stringify(meta, null, 2)}\n`);
  await rename(temporary, path(KEY_FILES.meta));
}

/** Loads a key set written by writeKeyFiles; undefined when the directory holds none. */
export async function readKeyFiles(dir: string): Promise<SandboxKeys | undefined> {
  const metaPath = join(dir, KEY_FILES.meta);
  const exists = await access(metaPath).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  const meta = metaSchema.parse(JSON.parse(await read(KEY_FILES.meta)));
  const platformCertificatePem = await read(KEY_FILES.platformCertificate);
  const certificateSerial = new X509Certificate(platformCertificatePem).serialNumber;
  if (certificateSerial.toUpperCase() !== meta.platformSerialNo) {
    throw new Error(`${dir}: the platform certificate's serial does not match ${KEY_FILES.meta}`);
  }
  const apiv3Key = (await read(KEY_FILES.apiv3Key)).trim();
  if (Buffer.byteLength(apiv3Key) !== 32) throw new Error(`${dir}: the APIv3 key is not 32 bytes`);
  return {
    ...meta,
    merchantPrivateKey: createPrivateKey(await read(KEY_FILES.merchantPrivateKey)),
    merchantPublicKey: createPublicKey(await read(KEY_FILES.merchantPublicKey)),
    wechatpayPublicKey: createPublicKey(await read(KEY_FILES.wechatpayPublicKey)),
    wechatpayPrivateKey: createPrivateKey(await read(KEY_FILES.wechatpayPrivateKey)),
    platformCertificatePem,
    platformPrivateKey: createPrivateKey(await read(KEY_FILES.platformPrivateKey)),
    apiv3Key,
  };
}
