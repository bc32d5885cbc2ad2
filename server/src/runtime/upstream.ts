import type { Logger } from 'pino';
import type { Env } from '../config/env';
import { isLive } from '../config/env';
import { createRedisPacer } from '../infra/redis/pacer';
import type { Clock } from '../lib/clock';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { VERSION } from '../version';
import { createWechatPayClient, type WechatPayClient } from '../wechatpay/client';
import { createPacer } from '../wechatpay/pacer';
import { loadLiveCredentials } from './live-credentials';
import { sandboxCredentials } from './sandbox-credentials';
import type { SharedRedis } from './shared-redis';

export interface Upstream {
  mode: 'sandbox' | 'live';
  mchid: string;
  client: WechatPayClient;
  /** Present in sandbox mode: the embedded simulator, stopped with the console. */
  sandbox?: RunningSandbox;
}

/**
 * WeChat Pay as this process reaches it: the live API when WECHATPAY_MCHID is set, otherwise the
 * embedded sandbox on a free loopback port. The client is the same code either way. With a
 * shared Redis, the rate budgets are the ones every replica draws from.
 */
export async function connectUpstream(
  env: Env,
  logger: Logger,
  clock: Clock,
  shared: SharedRedis | null = null,
): Promise<Upstream> {
  const live = isLive(env);
  const sandbox = live
    ? undefined
    : await startSandbox({
        port: 0,
        signing: env.SANDBOX_SIGNING,
        pagination: env.SANDBOX_PAGINATION,
      });
  const credentials = sandbox
    ? sandboxCredentials(sandbox, env.SANDBOX_SIGNING)
    : loadLiveCredentials(env);
  const baseUrl = sandbox ? sandbox.url : env.WECHATPAY_BASE_URL;
  // WeChat Pay counts per egress IP and per merchant: replicas leaving through one IP share the
  // first budget (same WECHATPAY_EGRESS_KEY), every replica of the merchant the second.
  const limits = [
    { key: `egress:${env.WECHATPAY_EGRESS_KEY}`, perMinute: env.WECHATPAY_RATE_PER_IP_PER_MINUTE },
    {
      key: `merchant:${credentials.mchid}`,
      perMinute: env.WECHATPAY_RATE_PER_MERCHANT_PER_MINUTE,
    },
  ];
  const pacer = shared
    ? createRedisPacer({ redis: shared.redis, prefix: shared.prefix, limits, clock })
    : createPacer({ clock, limits });
  const client = createWechatPayClient({
    ...credentials,
    baseUrl,
    ...(sandbox ? {} : { backupBaseUrl: env.WECHATPAY_BACKUP_BASE_URL }),
    userAgent: `coupon-coverage-console/${VERSION} (node ${process.version})`,
    timeoutMs: env.WECHATPAY_TIMEOUT_MS,
    maxRetries: env.WECHATPAY_MAX_RETRIES,
    pacer,
    clock,
    logger: logger.child({ component: 'wechatpay' }),
  });
  return {
    mode: live ? 'live' : 'sandbox',
    mchid: credentials.mchid,
    client,
    ...(sandbox ? { sandbox } : {}),
  };
}
