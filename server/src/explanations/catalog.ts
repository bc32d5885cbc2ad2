import {
  type Explanation,
  type ExplanationCatalog,
  explanationCatalogSchema,
} from '../contract/explanation';
import { apiErrors } from './api-errors';
import { apiScanErrors } from './api-scan-errors';
import { clientRequestErrors } from './client-request-errors';
import { clientSignatureErrors } from './client-signature-errors';
import { clientUnavailableErrors } from './client-unavailable-errors';
import { httpHardeningErrors } from './http-hardening-errors';
import { platformErrors } from './platform-errors';
import { platformMessageErrors } from './platform-message-errors';
import { upstream403Errors } from './upstream-403-errors';
import { upstreamCodeFallbacks } from './upstream-code-fallbacks';
import { upstreamCodeFallbacksElsewhere } from './upstream-code-fallbacks-elsewhere';
import { upstreamOtherErrors } from './upstream-other';
import { upstreamParamErrors } from './upstream-param-errors';
import { upstreamParamErrorsElsewhere } from './upstream-param-errors-elsewhere';
import { upstreamRequestErrors } from './upstream-request-errors';
import { upstreamStatusFallbacks } from './upstream-status-fallbacks';

/** Throws at load on a second entry with the same id or the same upstream code + message. */
function assertUnique(entries: readonly Explanation[]): void {
  const ids = new Set<string>();
  const rows = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`duplicate explanation id ${entry.id}`);
    ids.add(entry.id);
    const { code, message } = entry.match;
    if (entry.source !== 'upstream' || !code || !message) continue;
    const row = `${code}\n${message}`;
    if (rows.has(row)) throw new Error(`two explanations for ${code} ${message}`);
    rows.add(row);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// Validated once at load: a typo in the content fails the server's start and every test.
function load(): ExplanationCatalog {
  const catalog = explanationCatalogSchema.parse({
    explanations: [
      ...upstreamParamErrors,
      ...upstreamParamErrorsElsewhere,
      ...upstreamRequestErrors,
      ...upstream403Errors,
      ...upstreamOtherErrors,
      ...platformErrors,
      ...platformMessageErrors,
      ...upstreamCodeFallbacks,
      ...upstreamCodeFallbacksElsewhere,
      ...upstreamStatusFallbacks,
      ...clientRequestErrors,
      ...clientUnavailableErrors,
      ...clientSignatureErrors,
      ...apiErrors,
      ...apiScanErrors,
      ...httpHardeningErrors,
    ],
  });
  assertUnique(catalog.explanations);
  return deepFreeze(catalog);
}

/** Every explanation, zh-CN and en: the body of GET /api/explanations. Frozen. */
export const explanationCatalog: ExplanationCatalog = load();

/** Entries by id, for the lookups in find-explanation.ts. */
export const explanationsById: ReadonlyMap<string, Explanation> = new Map(
  explanationCatalog.explanations.map((entry) => [entry.id, entry]),
);
