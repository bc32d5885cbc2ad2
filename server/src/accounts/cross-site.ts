import type { Request } from 'express';
import { apiError } from '../http/api-error';

// Fetch Metadata: what browsers say about who started a request. Absent from scripts and old
// browsers, which the SameSite=Strict cookie and the CSRF token cover.
const OWN = new Set(['same-origin', 'none']);

/**
 * Fetch Metadata resource isolation (OWASP CSRF Prevention): a request another site started,
 * even a top-level link to an export, never runs as the signed-in user. `none` is the user's
 * own address bar or bookmark; `same-site` (a sibling subdomain) is another site too.
 */
export function checkCrossSite(req: Request): void {
  const site = req.get('sec-fetch-site')?.toLowerCase();
  if (site === undefined || OWN.has(site)) return;
  throw apiError(
    'CROSS_SITE_REFUSED',
    `Refused a ${req.method} of /api${req.path} that another site started (Sec-Fetch-Site: ${site}): open the console and start it from its pages`,
  );
}
