import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PaginationMode } from './constants';
import { type SandboxCredentials, toCredentials } from './credentials';
import type { SandboxState } from './dispatch';
import { FaultRegistry, type SandboxFaults } from './faults';
import { loadOrCreateKeys } from './key-store';
import { paginationSchema, type SandboxOptions, sandboxOptionsSchema } from './options';
import { RateLimiter } from './rate-limit';
import { createRequestHandler } from './request-handler';
import { RequestStats, type SandboxStats } from './stats';

export type { SandboxOptions } from './options';

export interface RunningSandbox {
  /** http://HOST:PORT, no trailing slash. */
  url: string;
  credentials: SandboxCredentials;
  stats: SandboxStats;
  faults: SandboxFaults;
  setPagination(mode: PaginationMode): void;
  close(): Promise<void>;
}

function baseUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/** Starts the WeChat Pay API v3 simulator on its own HTTP server (see README.md). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const config = sandboxOptionsSchema.parse(options);
  const keys = await loadOrCreateKeys(config.keysDir);
  const stats = new RequestStats();
  const faults = new FaultRegistry();
  const state: SandboxState = {
    keys,
    clock: config.clock,
    signing: config.signing,
    pagination: config.pagination,
    limiter: new RateLimiter(config.limits, config.clock),
    faults,
    scenarioCalls: new Map(),
  };
  const closing = new AbortController();
  // Every request in flight waits on it (latency, 'slow', 'timeout'): dozens at once is normal.
  setMaxListeners(0, closing.signal);
  const handle = createRequestHandler({
    state,
    stats,
    latencyMs: config.latencyMs,
    closing: closing.signal,
    logger: config.logger,
  });
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: baseUrl(config.host, port),
    credentials: toCredentials(keys),
    stats,
    faults,
    setPagination: (mode) => {
      state.pagination = paginationSchema.parse(mode);
    },
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
