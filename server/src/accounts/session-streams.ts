import { apiError } from '../http/api-error';
import type { Sessions } from './sessions';
import { hashSessionId } from './sessions';

/** How many event streams one session may hold open at once. */
export const MAX_STREAMS_PER_SESSION = 4;
/** How often an open stream checks that its session still stands (another replica, expiry). */
export const STREAM_CHECK_MS = 5_000;

interface OpenStream {
  idHash: string;
  userId: number;
  end(): void;
}

export interface SessionStreams {
  /**
   * Registers a long-lived answer (server-sent events) of a session; `end` closes it. Throws
   * 429 TOO_MANY_STREAMS when the session already holds the maximum. Returns its release.
   */
  hold(sessionId: string, userId: number, end: () => void): () => void;
  /** Ends the streams of one session (sign-out) or of every session of a user (disable). */
  endSession(idHash: string): void;
  endUser(userId: number): void;
}

export interface SessionStreamsOptions {
  /** False once the session is gone, expired, or its user disabled (a store read, no renewal). */
  stillOpen(idHash: string): Promise<boolean>;
  maxPerSession?: number;
  checkEveryMs?: number;
}

/**
 * OWASP ASVS 3.3.1 for long-lived answers: a stream ends when its session does (sign-out,
 * disable at once on this replica; expiry and other replicas' sign-outs within one check), and
 * one session cannot hold more than a few connections open.
 */
export function createSessionStreams(options: SessionStreamsOptions): SessionStreams {
  const max = options.maxPerSession ?? MAX_STREAMS_PER_SESSION;
  const open = new Set<OpenStream>();
  const endWhere = (matches: (stream: OpenStream) => boolean) => {
    for (const stream of [...open]) if (matches(stream)) stream.end();
  };
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    const hashes = new Set([...open].map((stream) => stream.idHash));
    for (const idHash of hashes) {
      const live = await options.stillOpen(idHash).catch(() => true);
      if (!live) endWhere((stream) => stream.idHash === idHash);
    }
  };
  const schedule = () => {
    if (timer || open.size === 0) return;
    timer = setInterval(() => void check(), options.checkEveryMs ?? STREAM_CHECK_MS);
    timer.unref();
  };
  const unschedule = () => {
    if (!timer || open.size > 0) return;
    clearInterval(timer);
    timer = undefined;
  };

  return {
    hold(sessionId, userId, end) {
      const idHash = hashSessionId(sessionId);
      const held = [...open].filter((stream) => stream.idHash === idHash).length;
      if (held >= max) {
        throw apiError(
          'TOO_MANY_STREAMS',
          `This session already watches ${held} event streams, the most one session may: close one first`,
          { retryAfterSeconds: 5 },
        );
      }
      let released = false;
      const stream: OpenStream = {
        idHash,
        userId,
        end: () => {
          release();
          end();
        },
      };
      const release = () => {
        if (released) return;
        released = true;
        open.delete(stream);
        unschedule();
      };
      open.add(stream);
      schedule();
      return release;
    },
    endSession: (idHash) => endWhere((stream) => stream.idHash === idHash),
    endUser: (userId) => endWhere((stream) => stream.userId === userId),
  };
}

/** Sessions whose ending (sign-out, disable, password reset) also ends their open streams. */
export function endingStreams(sessions: Sessions, streams: SessionStreams): Sessions {
  return {
    ...sessions,
    async end(id) {
      await sessions.end(id);
      streams.endSession(hashSessionId(id));
    },
    async endAllForUser(userId) {
      const ended = await sessions.endAllForUser(userId);
      streams.endUser(userId);
      return ended;
    },
  };
}
