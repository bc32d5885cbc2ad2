import type { Response } from 'express';
import type { ScanProgress } from '../contract/stocks';
import type { Scan } from './scan';

// Proxies drop idle connections; a comment line every so often keeps the stream open.
export const HEARTBEAT_MS = 15_000;

function send(res: Response, progress: ScanProgress): void {
  res.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
}

/** Registers a stream with its session (ended with it); throws when the session has too many. */
export type HoldStream = (end: () => void) => () => void;

/**
 * Server-sent events of one scan's progress: the current state at once, then one event per
 * page, ending after the final (done, failed or interrupted) event, or when the session that
 * opened it ends (sign-out, disable, expiry).
 */
export function streamProgress(res: Response, scan: Scan, hold?: HoldStream): void {
  const current = scan.progress();
  let stop = () => {};
  // Refused (429) before anything is written, while the answer can still be an error.
  const release =
    current.state === 'running'
      ? hold?.(() => {
          stop();
          res.end();
        })
      : undefined;
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  // Tells nginx-style proxies not to buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  send(res, current);
  if (current.state !== 'running') {
    res.end();
    return;
  }
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    release?.();
  };
  const unsubscribe = scan.subscribe((progress) => {
    send(res, progress);
    if (progress.state === 'running') return;
    stop();
    res.end();
  });
  res.on('close', stop);
}
