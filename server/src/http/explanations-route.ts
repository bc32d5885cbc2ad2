import { Router } from 'express';
import { explanationCatalog } from '../explanations/catalog';

/** GET /api/explanations: every explanation, for the UI and for support staff to browse. */
export function explanationsRouter(): Router {
  const router = Router();
  router.get('/explanations', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(explanationCatalog);
  });
  return router;
}
