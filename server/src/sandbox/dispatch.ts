import type { Clock } from '../lib/clock';
import { certificatesReply } from './certificates-endpoint';
import type { PaginationMode, SigningMode } from './constants';
import { type FaultKind, faultApplies } from './fault-kinds';
import { findFaultScenario } from './fault-scenarios';
import type { FaultRegistry } from './faults';
import type { SandboxKeys } from './keys';
import type { RateLimiter } from './rate-limit';
import { REPLAY_FAULTS, replayedReply } from './replayed-pages';
import { errorReply, isSuccess, type JsonReply, PLATFORM_ROWS } from './reply';
import { checkRequest, type IncomingRequest } from './request-check';
import { type RequestTarget, stockIdOf } from './routes';
import { detailsEndpoint, itemsEndpoint } from './stock-endpoints';

/** The mutable state one running sandbox decides with. */
export interface SandboxState {
  keys: SandboxKeys;
  clock: Clock;
  signing: SigningMode;
  pagination: PaginationMode;
  limiter: RateLimiter;
  faults: FaultRegistry;
  /** Successful calls per fault-scenario stock, for the every-other-call ("burst") ones. */
  scenarioCalls: Map<string, number>;
}

export interface Decision {
  reply: JsonReply;
  fault?: FaultKind;
  /** How the response is signed: `Wechatpay-Serial: PUB_KEY_ID_…` on the request asks for keys. */
  mode: SigningMode;
}

function route(target: RequestTarget, state: SandboxState, ip: string): JsonReply {
  const { route: r, params } = target;
  if (r.name === 'certificates') return certificatesReply(state.keys);
  if (r.name === 'details') return detailsEndpoint(r.stockId, params);
  if (r.name === 'unknown') return errorReply(PLATFORM_ROWS.notFound);
  if (!state.limiter.admit(ip)) return errorReply(PLATFORM_ROWS.rateLimited);
  return itemsEndpoint(r.stockId, params, state.pagination);
}

function scenarioFault(state: SandboxState, stockId: string | undefined): FaultKind | undefined {
  const scenario = stockId === undefined ? undefined : findFaultScenario(stockId);
  if (!scenario) return undefined;
  const calls = (state.scenarioCalls.get(scenario.id) ?? 0) + 1;
  state.scenarioCalls.set(scenario.id, calls);
  // every 2: the 1st, 3rd, 5th … call misbehaves, so a client's first retry succeeds.
  return (calls - 1) % scenario.every === 0 ? scenario.fault : undefined;
}

/**
 * What to answer, in WeChat Pay's order: header and signature checks, route, rate limit (items
 * only, after authentication), the route's own checks; then, for a would-be-2xx answer only, a
 * fault: injected first, then a fault scenario's, then the storm's.
 */
export function decide(
  request: IncomingRequest,
  target: RequestTarget,
  state: SandboxState,
  ip: string,
): Decision {
  const serialHeader = request.headers['wechatpay-serial'];
  const asksForPublicKey =
    typeof serialHeader === 'string' && serialHeader.startsWith('PUB_KEY_ID_');
  const mode: SigningMode = asksForPublicKey ? 'public_key' : state.signing;
  const rejected = checkRequest(request, state.keys, state.clock.now());
  if (rejected) return { reply: rejected, mode };
  const reply = route(target, state, ip);
  if (!isSuccess(reply)) return { reply, mode };
  const stockId = stockIdOf(target.route);
  const context = {
    url: request.url,
    ...(stockId !== undefined ? { stockId } : {}),
    ...(reply.page ? { page: { dataLength: reply.page.data.length } } : {}),
  };
  const scenario = () => {
    const kind = scenarioFault(state, stockId);
    return kind && faultApplies(kind, context.page) ? kind : undefined;
  };
  const fault = state.faults.takeInjected(context) ?? scenario() ?? state.faults.takeStorm(context);
  if (fault && REPLAY_FAULTS.has(fault)) {
    const replayed = replayedReply(fault, reply, state.pagination);
    return replayed ? { reply: replayed, fault, mode } : { reply, mode };
  }
  return fault ? { reply, fault, mode } : { reply, mode };
}
