import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { decide, type SandboxState } from './dispatch';
import { type FaultKind, SLOW_RESPONSE_MS } from './fault-kinds';
import { foreignPrivateKey } from './keys';
import type { SandboxLogger } from './options';
import { PLATFORM_ROWS } from './reply';
import { nextRequestId } from './request-id';
import { matchRoute, stockIdOf } from './routes';
import { sendDecision } from './send';
import type { RequestStats } from './stats';

export interface HandlerDeps {
  state: SandboxState;
  stats: RequestStats;
  latencyMs: [number, number];
  /** Aborted when the sandbox closes: pending latency, 'slow' and 'timeout' waits end with it. */
  closing: AbortSignal;
  logger?: SandboxLogger | undefined;
}

const MAX_BODY_BYTES = 1 << 20;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const clientIp = (req: IncomingMessage): string =>
  (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/** One request, start to end: record it, wait the latency, decide, misbehave or answer. */
export function createRequestHandler(deps: HandlerDeps) {
  const { state, stats, closing, logger } = deps;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const requestId = nextRequestId();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const target = matchRoute(method, url);
    const stockId = stockIdOf(target.route);
    const ip = clientIp(req);
    const at = state.clock.now();
    const entry = stats.record({ at, method, url, ip, requestId, ...(stockId ? { stockId } : {}) });
    res.setHeader('Request-ID', requestId);
    let fault: FaultKind | undefined;
    try {
      const body = await readBody(req);
      const [min, max] = deps.latencyMs;
      if (max > 0) await sleep(min + randomInt(max - min + 1), undefined, { signal: closing });
      const decision = decide({ method, url, headers: req.headers, body }, target, state, ip);
      fault = decision.fault;
      if (decision.fault === 'reset') req.socket.destroy();
      // 'timeout' never answers: the socket ends when the sandbox closes or the client gives up.
      if (decision.fault === 'reset' || decision.fault === 'timeout') return;
      if (decision.fault === 'slow') await sleep(SLOW_RESPONSE_MS, undefined, { signal: closing });
      // Generated only when first needed: most sandboxes never sign with a foreign key.
      const foreignKey = decision.fault === 'foreign_key' ? await foreignPrivateKey() : undefined;
      const signing = { keys: state.keys, foreignKey, nowMs: state.clock.now() };
      entry.status = sendDecision(res, decision, signing);
    } catch (error) {
      if (closing.aborted || res.headersSent) {
        res.destroy();
        return;
      }
      const row = PLATFORM_ROWS.systemError;
      res.writeHead(row.status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code: row.code, message: row.message }));
      entry.status = row.status;
      logger?.info(
        { requestId, err: error instanceof Error ? error.message : String(error) },
        'sandbox error',
      );
    } finally {
      const ms = Date.now() - started;
      logger?.info({ requestId, method, url, status: entry.status, fault, ms }, 'sandbox request');
    }
  };
}
