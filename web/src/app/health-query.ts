import { queryOptions } from '@tanstack/react-query';
import { healthResponseSchema } from 'server/contract';
import { apiGet } from '../lib/api-client';

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) =>
    apiGet('/api/health', (body) => healthResponseSchema.parse(body), signal),
  staleTime: 5 * 60_000,
});
