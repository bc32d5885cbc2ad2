import type { Response } from 'express';
import type { ScanProgress } from '../contract/stocks';
import type { Scan } from './scan';

// Proxies drop idle connections; a comment line every so often keeps the stream open.
export const HEARTBEAT_MS = 15_000;

function send(res: Response, progress: ScanProgress): void {
  res.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
}

/**
 * Server-sent events of one scan's progress: the current state at once, then one event per
 * page, ending after the final (done, failed or interrupted) event.
 */
export function streamProgress(res: Response, scan: Scan): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  // Tells nginx-style proxies not to buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const current = scan.progress();
  send(res, current);
  if (current.state !== 'running') {
    res.end();
    return;
  }
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  const unsubscribe = scan.subscribe((progress) => {
    send(res, progress);
    if (progress.state === 'running') return;
    stop();
    res.end();
  });
  res.on('close', stop);
}
