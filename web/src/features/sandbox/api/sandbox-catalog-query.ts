import { queryOptions } from '@tanstack/react-query';
import { type SandboxScenariosResponse, sandboxScenariosResponseSchema } from 'server/contract';
import { apiGet } from '@/lib/api/client';

export type DemoStock = SandboxScenariosResponse['stocks'][number];
export type Scenario = SandboxScenariosResponse['scenarios'][number];

/** The sandbox's demo stocks and error scenarios: GET /api/sandbox/scenarios (sandbox only). */
export const sandboxCatalogQuery = queryOptions({
  queryKey: ['sandbox', 'scenarios'],
  queryFn: ({ signal }) =>
    apiGet('/api/sandbox/scenarios', (body) => sandboxScenariosResponseSchema.parse(body), signal),
  staleTime: Number.POSITIVE_INFINITY,
});
