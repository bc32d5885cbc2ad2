import { queryOptions } from '@tanstack/react-query';
import { type Explanation, explanationCatalogSchema } from 'server/contract';
import { apiGet } from '@/lib/api/client';

/** Every explanation, loaded once: they only change with a new server version. */
export const explanationsQuery = queryOptions({
  queryKey: ['explanations'],
  queryFn: ({ signal }) =>
    apiGet('/api/explanations', (body) => explanationCatalogSchema.parse(body), signal),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});

/** The entry a wire error names by id; the UI never guesses from message text. */
export function explanationById(
  catalog: readonly Explanation[],
  id: string,
): Explanation | undefined {
  return catalog.find((entry) => entry.id === id);
}
