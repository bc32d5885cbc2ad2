import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { type Request, type Response, type Router } from 'express';

interface WebFile {
  body: Buffer;
  /** Only when it saves something. */
  gzip?: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;

// Vite names every file under assets/ by its content hash: they never change under one name.
const cacheControlOf = (url: string) =>
  url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';

/** Every file under `dir` but dotfiles (and anything in a dot folder), by URL path. */
function readWebFiles(dir: string, base = '/'): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const url = `${base}${name}`;
    if (statSync(full).isDirectory()) {
      for (const [inner, file] of readWebFiles(full, `${url}/`)) files.set(inner, file);
      continue;
    }
    const body = readFileSync(full);
    const contentType = TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(contentType) ? gzipSync(body, { level: 9 }) : undefined;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    files.set(url, {
      body,
      ...(gzip && gzip.length < body.length ? { gzip } : {}),
      etag,
      contentType,
      cacheControl: cacheControlOf(url),
    });
  }
  return files;
}

function send(req: Request, res: Response, file: WebFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('ETag', file.etag);
  if (file.gzip) res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.status(304).end();
    return;
  }
  const gzip = file.gzip && req.acceptsEncodings('gzip', 'identity') === 'gzip';
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.end(gzip ? file.gzip : file.body);
}

const pathOf = (req: Request) => {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return undefined;
  }
};

/**
 * Serves the built web app from memory, with an SPA fallback so deep links reload into the same
 * view. Read once at start: no request touches the disk, so a thread pool busy with password
 * hashing cannot delay the page (and no path can reach outside the files read). A new build is
 * served after a restart.
 */
export function staticWeb(distDir: string): Router {
  const router = express.Router();
  let files: Map<string, WebFile>;
  try {
    files = readWebFiles(distDir);
  } catch {
    // Not built (API-only development): the API still answers, pages are 404.
    files = new Map();
  }
  const index = files.get('/index.html');
  router.get('/{*splat}', (req, res, next) => {
    const target = pathOf(req);
    const file = target === undefined ? undefined : files.get(target);
    if (file) return send(req, res, file);
    if (req.path.startsWith('/api/') || !index) return next();
    send(req, res, index);
  });
  return router;
}
