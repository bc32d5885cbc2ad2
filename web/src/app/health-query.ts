import { queryOptions } from '@tanstack/react-query';
import { healthResponseSchema } from 'server/contract';
import { apiGet } from '@/lib/api/client';

// While a shared store is down, ask again often enough that the notice leaves soon after it is back.
const DEGRADED_RECHECK_MS = 15_000;

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) =>
    apiGet('/api/health', (body) => healthResponseSchema.parse(body), signal),
  staleTime: 5 * 60_000,
  refetchInterval: (query) =>
    query.state.data?.status === 'degraded' ? DEGRADED_RECHECK_MS : false,
});
