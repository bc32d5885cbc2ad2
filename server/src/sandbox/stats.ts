export interface RequestLogEntry {
  /** Arrival time on the sandbox clock (ms). */
  at: number;
  method: string;
  url: string;
  stockId?: string;
  /** The HTTP status sent; 0 while pending and for dropped ('reset') or hung ('timeout') calls. */
  status: number;
  ip: string;
  requestId: string;
}

export interface CallFilter {
  /** A string must equal the pathname; a RegExp is tested against the full request-target. */
  path?: string | RegExp;
  stockId?: string;
  status?: number;
}

export interface SandboxStats {
  calls(filter?: CallFilter): number;
  log(): ReadonlyArray<RequestLogEntry>;
  reset(): void;
}

function matches(entry: RequestLogEntry, filter: CallFilter): boolean {
  if (filter.stockId !== undefined && entry.stockId !== filter.stockId) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (typeof filter.path === 'string') return entry.url.split('?')[0] === filter.path;
  if (filter.path instanceof RegExp) return filter.path.test(entry.url);
  return true;
}

/** Every request that reached the sandbox, recorded on arrival, rejected ones included. */
export class RequestStats implements SandboxStats {
  private entries: RequestLogEntry[] = [];

  /** Records an arrival; the caller fills in `status` once it knows what it sent. */
  record(entry: Omit<RequestLogEntry, 'status'>): RequestLogEntry {
    const recorded: RequestLogEntry = { ...entry, status: 0 };
    this.entries.push(recorded);
    return recorded;
  }

  calls(filter: CallFilter = {}): number {
    return this.entries.filter((entry) => matches(entry, filter)).length;
  }

  log(): ReadonlyArray<RequestLogEntry> {
    return this.entries.map((entry) => ({ ...entry }));
  }

  reset(): void {
    this.entries = [];
  }
}
