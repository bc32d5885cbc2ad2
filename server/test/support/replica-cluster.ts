import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KEY_FILES } from '../../src/sandbox/key-files';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/server';
import { freePort, runEntry, runToEnd, stop, waitForOk } from './processes';

// Enough for a test's worth of request logs at level info.
const OUTPUT_KEPT = 2_000_000;

export const ADMIN = { username: 'scale-admin', password: 'scale-Harbour-Lantern-1' };

/** One console replica: a real `src/index.ts` process in live mode. */
export interface Replica {
  url: string;
  child: ChildProcess;
  /** The last of what it printed: its log lines. */
  output(): string;
  /** Ends it abruptly (SIGKILL): no handover, no cleanup, as a crashed machine. */
  kill(): Promise<void>;
}

export interface Cluster {
  sandbox: RunningSandbox;
  replicas: Replica[];
  /** The environment every replica shares (WeChat Pay, Redis, PostgreSQL…). */
  env: NodeJS.ProcessEnv;
  startReplica(extra?: NodeJS.ProcessEnv): Promise<Replica>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  replicas: number;
  /** Without it, each replica keeps scans, budgets and sessions to itself (one-process mode). */
  redisUrl?: string;
  /** Users and audit in PostgreSQL; without it the replicas share one SQLite file. */
  databaseUrl?: string;
  /** The sandbox's (WeChat Pay's) limits, and the replicas' budget for them. */
  perIpPerMinute?: number;
  /** More settings for every replica (SCAN_LOCK_TTL_MS, …). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Several console replicas in front of one WeChat Pay sandbox (in this process, so tests count
 * its calls) sharing one Redis: the deployment the README's "Running several replicas" describes,
 * on loopback.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccc-cluster-'));
  const perIp = options.perIpPerMinute ?? 200;
  const sandbox = await startSandbox({
    keysDir: dir,
    limits: { perMinute: 1000, perIpPerMinute: perIp },
  });
  const { credentials: c } = sandbox;
  const env: NodeJS.ProcessEnv = {
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    WEB_DIST_DIR: dir,
    API_RATE_LIMIT_PER_MINUTE: '100000',
    // Behind a load balancer: tests give each simulated client its own X-Forwarded-For.
    TRUST_PROXY: 'loopback',
    WECHATPAY_MCHID: c.mchid,
    WECHATPAY_MERCHANT_SERIAL_NO: c.merchantSerialNo,
    WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, KEY_FILES.merchantPrivateKey),
    WECHATPAY_PUBLIC_KEY_FILE: path.join(dir, KEY_FILES.wechatpayPublicKey),
    WECHATPAY_PUBLIC_KEY_ID: c.publicKeyId,
    WECHATPAY_BASE_URL: sandbox.url,
    WECHATPAY_BACKUP_BASE_URL: sandbox.url,
    WECHATPAY_RATE_PER_IP_PER_MINUTE: String(perIp),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    REDIS_KEY_PREFIX: `t${Date.now().toString(36)}:`,
    ...(options.databaseUrl
      ? { DATABASE_URL: options.databaseUrl }
      : { DATA_DIR: path.join(dir, 'data') }),
    ...options.env,
  };
  // Live mode refuses to start without an admin: create one the way the README says.
  const added = await runToEnd(
    'src/accounts/cli.ts',
    ['add', ADMIN.username, '--role', 'admin'],
    env,
    `${ADMIN.password}\n`,
  );
  if (added.code !== 0) throw new Error(`creating the admin failed: ${added.output}`);

  const replicas: Replica[] = [];
  const startReplica = async (extra: NodeJS.ProcessEnv = {}) => {
    const port = await freePort();
    const child = runEntry('src/index.ts', [], { ...env, ...extra, PORT: String(port) });
    // Everything it prints (logs go to stdout), read as it comes so the pipe never fills.
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const url = `http://127.0.0.1:${port}`;
    await waitForOk(`${url}/api/health`, 30_000).catch((error: unknown) => {
      throw new Error(`replica on ${port} did not start: ${String(error)}\n${output}`);
    });
    const replica: Replica = {
      url,
      child,
      output: () => output,
      async kill() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      },
    };
    replicas.push(replica);
    return replica;
  };
  await Promise.all(Array.from({ length: options.replicas }, () => startReplica()));

  return {
    sandbox,
    replicas,
    env,
    startReplica,
    async stop() {
      await Promise.all(replicas.map((r) => stop(r.child)));
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser tab on one replica: its cookie and CSRF token. */
export interface ConsoleTab {
  base: string;
  cookie: string;
  csrf: string;
}

export async function signInTab(
  base: string,
  who: { username: string; password: string } = ADMIN,
  /** The client address a trusted proxy reports (replicas trust loopback proxies). */
  clientIp?: string,
): Promise<{ status: number; tab?: ConsoleTab; body: unknown }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      ...(clientIp ? { 'x-forwarded-for': clientIp } : {}),
    },
    body: JSON.stringify(who),
  });
  const body = (await res.json()) as { csrf_token?: string };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie || !body.csrf_token) return { status: res.status, body };
  return { status: 200, body, tab: { base, cookie, csrf: body.csrf_token } };
}

/** The same tab's cookie sent to another replica, as a load balancer without stickiness does. */
export const onReplica = (tab: ConsoleTab, base: string): ConsoleTab => ({ ...tab, base });

export async function call(
  tab: ConsoleTab,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${tab.base}${route}`, {
    method,
    headers: {
      cookie: tab.cookie,
      origin: tab.base,
      ...(method === 'POST'
        ? { 'content-type': 'application/json', 'x-csrf-token': tab.csrf }
        : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
