import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long after shutdown begins a request body may take to arrive before it counts as stalled. */
export const BODY_GRACE_MS = 1_000;

export interface ConnectionWatch {
  /** Destroys every socket that holds no request read whole: idle, mid-headers or mid-body. */
  closeStalled(): void;
}

/**
 * Knows, for each open connection, whether it carries a request read whole (finished work: its
 * answer is still owed) or not: between requests, headers or body still arriving. At shutdown
 * Node's closeIdleConnections() only closes sockets between requests, so a client holding an
 * unfinished upload (or headers) open would keep server.close() waiting until the hard deadline.
 */
export function watchConnections(server: Server): ConnectionWatch {
  const sockets = new Set<Socket>();
  const reading = new Map<Socket, IncomingMessage>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      reading.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res) => {
    reading.set(req.socket, req);
    res.once('finish', () => {
      if (reading.get(req.socket) === req) reading.delete(req.socket);
    });
  });
  return {
    closeStalled() {
      for (const socket of sockets) {
        // `complete`: the parser has the whole message, whether or not a handler read it yet.
        if (!reading.get(socket)?.complete) socket.destroy();
      }
    },
  };
}
