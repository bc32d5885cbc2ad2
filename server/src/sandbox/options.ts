import { z } from 'zod';
import { type Clock, systemClock } from '../lib/clock';
import { DEFAULT_LIMITS } from './rate-limit';

/** The part of a pino-like logger the sandbox uses (one line per answered request). */
export interface SandboxLogger {
  info(obj: object, msg?: string): void;
}

const isObjectWith = (value: unknown, method: string): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)[method] === 'function';

const positiveInt = z.number().int().positive();
export const paginationSchema = z.enum(['page', 'item']);

export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  keysDir: z.string().min(1).optional(),
  signing: z.enum(['public_key', 'certificate']).default('public_key'),
  pagination: paginationSchema.default('page'),
  limits: z.object({ perMinute: positiveInt, perIpPerMinute: positiveInt }).default(DEFAULT_LIMITS),
  clock: z
    .custom<Clock>((v) => isObjectWith(v, 'now') && isObjectWith(v, 'sleep'))
    .default(systemClock),
  latencyMs: z
    .tuple([z.number().min(0), z.number().min(0)])
    .refine(([min, max]) => min <= max, 'latencyMs must be [min, max] with min ≤ max')
    .default([30, 150]),
  logger: z.custom<SandboxLogger>((v) => isObjectWith(v, 'info')).optional(),
});

/** startSandbox's options; every field optional (defaults above). */
export type SandboxOptions = z.input<typeof sandboxOptionsSchema>;
export type ResolvedSandboxOptions = z.output<typeof sandboxOptionsSchema>;
