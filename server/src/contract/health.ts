import { z } from 'zod';

/** A shared store the replica depends on (only present when configured). */
export const healthDependencySchema = z.object({
  name: z.enum(['redis', 'postgres']),
  status: z.enum(['up', 'down']),
});
export type HealthDependency = z.infer<typeof healthDependencySchema>;

export const healthResponseSchema = z.object({
  /** `degraded`: a shared store is unreachable; requests that need it fail with an explanation. */
  status: z.enum(['ok', 'degraded']),
  mode: z.enum(['sandbox', 'live']),
  version: z.string(),
  dependencies: z.array(healthDependencySchema).optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
