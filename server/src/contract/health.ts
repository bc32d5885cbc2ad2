import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  mode: z.enum(['sandbox', 'live']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
