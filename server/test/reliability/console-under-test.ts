// Test-only: the console as runtime/compose.ts assembles it (createApp, the same routers, the
// real client and scan service, accounts and audit) on 127.0.0.1 port 0, against a real sandbox,
// with every answer and every log line kept for the leak check.
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../src/app';
import { CSRF_HEADER, SESSION_COOKIE, sessionInfoSchema } from '../../src/contract/auth';
import { createConsoleServer, type ServerLimits } from '../../src/http/console-server';
import { createLogger } from '../../src/http/logger';
import type { RunningSandbox, SandboxOptions } from '../../src/sandbox/sandbox';
import type { FairShare } from '../../src/stocks/fair-share';
import { createStocksRouter } from '../../src/stocks/routes';
import { createScanService, type ScanService } from '../../src/stocks/scan-service';
import { createMemoryScanStore } from '../../src/stocks/scans/scan-store';
import type { WechatPayClient } from '../../src/wechatpay/client';
import type { ItemsOffsetMode } from '../../src/wechatpay/offset-mode';
import { type ClientSetup, clientFor, startIntegrationSandbox } from '../support/wiring';
import { type ConsoleAccounts, startAccounts } from './console-accounts';
import { consoleLeakInputs } from './console-leaks';
import { type RecordedResponse, recordResponses } from './response-recorder';
import type { LeakCheckInputs, LeakSource } from './secret-scan';
import { startTamperingProxy, type TamperingProxy } from './tampering-proxy';

export type ApiAgent = ReturnType<typeof request.agent>;

export interface ConsoleOptions {
  sandbox?: SandboxOptions;
  /** Client overrides (timeouts, retries, clock, verification mode). */
  client?: ClientSetup;
  /** Puts a tampering proxy between the client and the sandbox. */
  tamper?: boolean;
  /** WECHATPAY_ITEMS_OFFSET_MODE; production's default is auto. */
  offsetMode?: ItemsOffsetMode;
  webDistDir?: string;
  /** More secrets and places to search for the leak check (accounts, audit). */
  leakSources?: LeakSource[];
  /** Keep every answer and log line (default); the soak turns it off to measure memory. */
  keepTraffic?: boolean;
  /** Each person's bounded share, as the console has it (suites that flood leave it out). */
  fairShare?: FairShare;
  /** The HTTP server's timeouts and connection cap; the console's defaults otherwise. */
  serverLimits?: Partial<ServerLimits>;
  /** CONSOLE_PUBLIC_URL's origins. */
  publicOrigins?: readonly string[];
}

// The defaults of config/env.ts.
const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

export interface ConsoleUnderTest {
  url: string;
  sandbox: RunningSandbox;
  proxy: TamperingProxy | undefined;
  client: WechatPayClient;
  scans: ScanService;
  /** Every pino line the console wrote (level debug). */
  logs: string[];
  responses: RecordedResponse[];
  accounts: ConsoleAccounts;
  /** The one way suites call /api: an agent signed in as the admin (cookie, Origin, CSRF). */
  apiAgent(): Promise<ApiAgent>;
  /** An agent signed in as someone else (a user the suite created). */
  apiAgentAs(who: { username: string; password: string }): Promise<ApiAgent>;
  /** The same session as plain headers, for raw requests. */
  authHeaders(): Promise<Record<string, string>>;
  /** Everything the leak check reads: the sandbox's secrets, every answer, every log line. */
  leakInputs(): Promise<LeakCheckInputs>;
  close(): Promise<void>;
}

export async function startConsole(options: ConsoleOptions = {}): Promise<ConsoleUnderTest> {
  const sandbox = await startIntegrationSandbox(options.sandbox);
  const proxy = options.tamper ? await startTamperingProxy(sandbox.url) : undefined;
  const keep = options.keepTraffic ?? true;
  const logs: string[] = [];
  const logger = createLogger(keep ? 'debug' : 'info', {
    write: (line: string) => void (keep && logs.push(line)),
  });
  const client = clientFor(sandbox, {
    baseUrl: proxy?.url ?? sandbox.url,
    logger: logger.child({ component: 'wechatpay' }),
    ...options.client,
  });
  const scans = createScanService({
    client,
    merchantMchid: sandbox.credentials.mchid,
    store: createMemoryScanStore(),
    offsetMode: options.offsetMode ?? 'auto',
    ...(options.fairShare ? { fairShare: options.fairShare } : {}),
  });
  const accounts = await startAccounts();
  const app = createApp({
    mode: 'sandbox',
    version: 'reliability',
    logger,
    apiRouters: accounts.routers(
      createStocksRouter({
        client,
        scans,
        ...(options.fairShare ? { fairShare: options.fairShare } : {}),
      }),
    ),
    // Suites send thousands of requests; the limiter has its own tests.
    apiRateLimitPerMinute: 1_000_000,
    clientKey: accounts.accounts.clientKey,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
    ...(options.publicOrigins ? { publicOrigins: options.publicOrigins } : {}),
  });
  const responses: RecordedResponse[] = [];
  const server = createConsoleServer(keep ? recordResponses(app, responses) : app, {
    ...SERVER_LIMITS,
    ...options.serverLimits,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sessionIds: string[] = [];

  /** Signs in (as the admin unless told) through the API, as the web app does. */
  async function signIn(agent: ApiAgent, who = accounts.admin) {
    const res = await agent.post('/api/auth/login').set('Origin', url).send(who);
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
    const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    sessionIds.push(cookie.slice(`${SESSION_COOKIE}=`.length));
    return { cookie, csrf: sessionInfoSchema.parse(res.body).csrf_token };
  }

  return {
    url,
    sandbox,
    proxy,
    client,
    scans,
    logs,
    responses,
    accounts,
    async apiAgent() {
      const agent = request.agent(url);
      const { csrf } = await signIn(agent);
      return agent.set('Origin', url).set(CSRF_HEADER, csrf);
    },
    async apiAgentAs(who) {
      const agent = request.agent(url);
      const { csrf } = await signIn(agent, who);
      return agent.set('Origin', url).set(CSRF_HEADER, csrf);
    },
    async authHeaders() {
      const { cookie, csrf } = await signIn(request.agent(url));
      return { cookie, origin: url, [CSRF_HEADER.toLowerCase()]: csrf };
    },
    leakInputs: () =>
      consoleLeakInputs(responses, logs, [
        accounts.leakSource(sessionIds),
        ...(options.leakSources ?? []),
      ]),
    async close() {
      await scans.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await proxy?.close();
      await sandbox.close();
      accounts.db.close();
    },
  };
}
