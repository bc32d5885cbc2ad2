import { FAULT_KINDS, type Fault, type FaultKind, faultApplies } from './fault-kinds';
import { createPrng, type Prng } from './prng';

export interface FaultMatch {
  stockId?: string;
  /** A string must equal the pathname; a RegExp is tested against the full request-target. */
  path?: string | RegExp;
}

export interface InjectOptions {
  /** How many responses to spoil (default 1). */
  times?: number;
  match?: FaultMatch;
}

export interface StormOptions {
  probability: number;
  kinds: FaultKind[];
  seed: number;
}

export interface SandboxFaults {
  inject(fault: Fault, options?: InjectOptions): void;
  storm(options: StormOptions): void;
  clear(): void;
}

/** The would-be-2xx response a fault is being considered for. */
export interface FaultContext {
  url: string;
  stockId?: string;
  page?: { dataLength: number };
}

interface Pending {
  kind: FaultKind;
  remaining: number;
  match: FaultMatch;
}

function matches(match: FaultMatch, context: FaultContext): boolean {
  if (match.stockId !== undefined && context.stockId !== match.stockId) return false;
  if (typeof match.path === 'string') return context.url.split('?')[0] === match.path;
  if (match.path instanceof RegExp) return match.path.test(context.url);
  return true;
}

/**
 * Injected faults (first in, first used) and a seeded random storm. A fault only ever replaces a
 * response that would have been 2xx, and is used up only when it applies to that response.
 */
export class FaultRegistry implements SandboxFaults {
  private pending: Pending[] = [];
  private weather: { probability: number; kinds: FaultKind[]; prng: Prng } | undefined;

  inject(fault: Fault, options: InjectOptions = {}): void {
    if (!FAULT_KINDS.includes(fault)) throw new RangeError(`unknown fault ${String(fault)}`);
    const times = options.times ?? 1;
    if (!(Number.isInteger(times) && times >= 1)) throw new RangeError('times must be ≥ 1');
    this.pending.push({ kind: fault, remaining: times, match: options.match ?? {} });
  }

  storm(options: StormOptions): void {
    if (!(options.probability >= 0 && options.probability <= 1)) {
      throw new RangeError('probability must be within [0, 1]');
    }
    const unknown = options.kinds.filter((kind) => !FAULT_KINDS.includes(kind));
    if (unknown.length > 0) throw new RangeError(`unknown fault ${unknown.join(', ')}`);
    const kinds = [...options.kinds];
    this.weather = { probability: options.probability, kinds, prng: createPrng(options.seed) };
  }

  clear(): void {
    this.pending = [];
    this.weather = undefined;
  }

  /** The next injected fault for this response, if any (and spends one of its `times`). */
  takeInjected(context: FaultContext): FaultKind | undefined {
    const found = this.pending.find(
      (p) => matches(p.match, context) && faultApplies(p.kind, context.page),
    );
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining === 0) this.pending = this.pending.filter((p) => p !== found);
    return found.kind;
  }

  /** The storm's draw for this response: one PRNG roll, then one pick when it strikes. */
  takeStorm(context: FaultContext): FaultKind | undefined {
    const weather = this.weather;
    if (!weather || weather.kinds.length === 0) return undefined;
    if (weather.prng.next() >= weather.probability) return undefined;
    const kind = weather.prng.pick(weather.kinds);
    return faultApplies(kind, context.page) ? kind : undefined;
  }
}
