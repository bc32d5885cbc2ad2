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

export interface UpstreamAnswer {
  status: number;
  code: string;
  message: string;
}

/**
 * The entry for one upstream answer, with the server's precedence: code and message (one row of
 * WeChat Pay's table), then code alone, then status alone. Used where no wire error exists yet
 * (the sandbox's list of scenarios).
 */
export function explanationForUpstream(
  catalog: readonly Explanation[],
  answer: UpstreamAnswer,
): Explanation | undefined {
  const upstream = catalog.filter((entry) => entry.source === 'upstream');
  return (
    upstream.find((e) => e.match.code === answer.code && e.match.message === answer.message) ??
    upstream.find((e) => e.match.code === answer.code && e.match.message === undefined) ??
    upstream.find(
      (e) =>
        e.match.code === undefined &&
        e.match.message === undefined &&
        e.match.status === answer.status,
    )
  );
}
