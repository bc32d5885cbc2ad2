import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
/**
 * CONSOLE_PUBLIC_URL: the comma-separated addresses people open the console at, each an http(s)
 * origin (no path), e.g. `https://coupons.example.com`. Empty: only the listening address.
 */
const publicUrls = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx) => {
    const origins: string[] = [];
    for (const part of value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const url = URL.canParse(part) ? new URL(part) : undefined;
      if (
        !url ||
        !['http:', 'https:'].includes(url.protocol) ||
        url.pathname !== '/' ||
        url.search
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(part)} must be an http:// or https:// origin without a path, e.g. https://coupons.example.com`,
        });
        return z.NEVER;
      }
      origins.push(url.origin);
    }
    return origins;
  });

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/**
 * The environment, validated once at boot. Without WECHATPAY_MCHID the console runs on the
 * embedded sandbox; with it, every live variable must be present and coherent.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(8787),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    WEB_DIST_DIR: optionalText,

    WECHATPAY_MCHID: optionalText,
    WECHATPAY_MERCHANT_SERIAL_NO: optionalText,
    WECHATPAY_PRIVATE_KEY_FILE: optionalText,
    WECHATPAY_PUBLIC_KEY_FILE: optionalText,
    WECHATPAY_PUBLIC_KEY_ID: optionalText,
    WECHATPAY_APIV3_KEY: optionalText,
    /** The APIv3 key read from a file (mode 600) rather than the environment. */
    WECHATPAY_APIV3_KEY_FILE: optionalText,
    WECHATPAY_BASE_URL: z.url().default('https://api.mch.weixin.qq.com'),
    WECHATPAY_BACKUP_BASE_URL: z.url().default('https://api2.mch.weixin.qq.com'),
    WECHATPAY_ITEMS_OFFSET_MODE: z.enum(['page', 'item', 'auto']).default('auto'),
    WECHATPAY_TIMEOUT_MS: positiveInt.default(3000),
    WECHATPAY_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    WECHATPAY_RATE_PER_IP_PER_MINUTE: positiveInt.default(200),
    WECHATPAY_RATE_PER_MERCHANT_PER_MINUTE: positiveInt.default(1000),

    SCAN_CACHE_TTL_MS: positiveInt.default(600_000),
    SCAN_CACHE_MAX_CODES: positiveInt.default(1_000_000),
    API_RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
    CONSOLE_PUBLIC_URL: publicUrls,
    /** Slow clients: time to send the headers, the whole request, and an idle keep-alive. */
    HTTP_HEADERS_TIMEOUT_MS: positiveInt.default(20_000),
    HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(60_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
    /** Open connections the console accepts at once; more are refused at the socket. */
    HTTP_MAX_CONNECTIONS: positiveInt.default(1_000),

    DATA_DIR: z.string().min(1).default('./data'),
    CONSOLE_DEMO_PASSWORD: optionalText,
    AUDIT_RETENTION_DAYS: positiveInt.default(400),
    /** Express "trust proxy": false, true, a hop count, or a list of addresses/subnets. */
    TRUST_PROXY: z
      .string()
      .trim()
      .default('false')
      .transform((value): boolean | number | string => {
        if (value === 'true') return true;
        if (value === 'false' || value === '') return false;
        return /^\d+$/.test(value) ? Number(value) : value;
      }),

    /**
     * Several replicas: scans, their locks, the WeChat Pay rate budget, sessions and login
     * throttling move to this Redis. Unset: memory and SQLite, one process.
     */
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Prefix of every key this console writes, so several consoles can share one Redis. */
    REDIS_KEY_PREFIX: z.string().trim().min(1).default('ccc:'),
    /**
     * The name of the egress IP budget (WeChat Pay's 200/min per IP). Replicas that leave
     * through the same IP must share it; give replicas behind another IP another name.
     */
    WECHATPAY_EGRESS_KEY: z.string().trim().min(1).default('default'),
    /** How long a scan's lock outlives a replica that stopped renewing it (died mid-scan). */
    SCAN_LOCK_TTL_MS: positiveInt.default(10_000),
    /** Users and audit in PostgreSQL instead of SQLite (for several replicas). */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** How long a call to Redis or PostgreSQL may take before the request fails with a reason. */
    SHARED_STORE_TIMEOUT_MS: positiveInt.default(2_000),

    SANDBOX_SIGNING: z.enum(['public_key', 'certificate']).default('public_key'),
    SANDBOX_PAGINATION: z.enum(['page', 'item']).default('page'),
  })
  .superRefine((env, ctx) => {
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_HEADERS_TIMEOUT_MS'],
        message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
      });
    }
    if (!env.WECHATPAY_MCHID) return;
    const require = (name: keyof typeof env, why: string) => {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required ${why}` });
    };
    require('WECHATPAY_MERCHANT_SERIAL_NO', 'when WECHATPAY_MCHID is set (live mode)');
    require('WECHATPAY_PRIVATE_KEY_FILE', 'when WECHATPAY_MCHID is set (live mode)');
    if (Boolean(env.WECHATPAY_PUBLIC_KEY_FILE) !== Boolean(env.WECHATPAY_PUBLIC_KEY_ID)) {
      const missing = env.WECHATPAY_PUBLIC_KEY_FILE
        ? 'WECHATPAY_PUBLIC_KEY_ID'
        : 'WECHATPAY_PUBLIC_KEY_FILE';
      require(missing, 'together with its pair for public-key verification');
    }
    if (env.WECHATPAY_APIV3_KEY && env.WECHATPAY_APIV3_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHATPAY_APIV3_KEY_FILE'],
        message: 'set either WECHATPAY_APIV3_KEY or WECHATPAY_APIV3_KEY_FILE, not both',
      });
    }
    if (
      !env.WECHATPAY_PUBLIC_KEY_FILE &&
      !env.WECHATPAY_APIV3_KEY &&
      !env.WECHATPAY_APIV3_KEY_FILE
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHATPAY_PUBLIC_KEY_FILE'],
        message:
          'live mode needs a way to verify WeChat Pay: set WECHATPAY_PUBLIC_KEY_FILE + WECHATPAY_PUBLIC_KEY_ID (public-key mode) and/or WECHATPAY_APIV3_KEY or WECHATPAY_APIV3_KEY_FILE (platform-certificate mode)',
      });
    }
    if (env.WECHATPAY_APIV3_KEY && Buffer.byteLength(env.WECHATPAY_APIV3_KEY) !== 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHATPAY_APIV3_KEY'],
        message: 'must be the 32-character APIv3 key set in the merchant platform',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment or throws a ConfigError naming every bad variable. Never echoes values. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

export const isLive = (env: Env): boolean => Boolean(env.WECHATPAY_MCHID);
