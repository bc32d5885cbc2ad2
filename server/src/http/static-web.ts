import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Serves the built web app with an SPA fallback, so deep links reload into the same view. */
export function staticWeb(distDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');
  // No directory redirects: their HTML body would be the one non-JSON, non-app answer.
  router.use(
    express.static(distDir, {
      index: false,
      fallthrough: true,
      dotfiles: 'ignore',
      redirect: false,
    }),
  );
  router.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || !existsSync(indexFile)) return next();
    res.sendFile(indexFile);
  });
  return router;
}
