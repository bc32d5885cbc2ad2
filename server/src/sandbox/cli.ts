import { access, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { KEY_FILES } from './key-files';
import { startSandbox } from './server';

// `pnpm --filter server sandbox --port N [--keys DIR] [--signing certificate] [--pagination item]`
const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8788),
  host: z.string().min(1).default('127.0.0.1'),
  keys: z.string().min(1).optional(),
  signing: z.enum(['public_key', 'certificate']).default('public_key'),
  pagination: z.enum(['page', 'item']).default('page'),
  quiet: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      keys: { type: 'string' },
      signing: { type: 'string' },
      pagination: { type: 'string' },
      quiet: { type: 'boolean' },
    },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const keysDir = args.keys ?? (await mkdtemp(join(tmpdir(), 'wechatpay-sandbox-')));
  const existed = await access(join(keysDir, KEY_FILES.meta)).then(
    () => true,
    () => false,
  );
  // Request lines go to stderr so stdout stays a clean list of variables.
  const logger = pino({ level: args.quiet ? 'silent' : 'info' }, pino.destination(2));
  const sandbox = await startSandbox({ ...args, keysDir, logger });
  const file = (name: string) => join(keysDir, name);
  const { credentials: c } = sandbox;
  const lines = [
    `# WeChat Pay sandbox at ${sandbox.url} (signing: ${args.signing}, pagination: ${args.pagination})`,
    `# merchant ${c.mchid}; keys ${existed ? 'loaded from' : 'written to'} ${keysDir}:`,
    ...Object.values(KEY_FILES).map((name) => `#   ${file(name)}`),
    `WECHATPAY_MCHID=${c.mchid}`,
    `WECHATPAY_MERCHANT_SERIAL_NO=${c.merchantSerialNo}`,
    `WECHATPAY_PRIVATE_KEY_FILE=${file(KEY_FILES.merchantPrivateKey)}`,
    `WECHATPAY_PUBLIC_KEY_FILE=${file(KEY_FILES.wechatpayPublicKey)}`,
    `WECHATPAY_PUBLIC_KEY_ID=${c.publicKeyId}`,
    `WECHATPAY_APIV3_KEY_FILE=${file(KEY_FILES.apiv3Key)}`,
    `# certificate mode: WECHATPAY_APIV3_KEY="$(cat ${file(KEY_FILES.apiv3Key)})"`,
    `WECHATPAY_BASE_URL=${sandbox.url}`,
    `WECHATPAY_BACKUP_BASE_URL=${sandbox.url}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
