import type { z } from 'zod';
import { invalidInput } from '../http/api-error';

/**
 * Validates an auth or admin input with its one schema. The 400 names the field and the rule
 * but never echoes the value: it may be a password.
 */
export function parseAuthInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root = 'body',
): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const unknownKey = issue?.code === 'unrecognized_keys';
  const path = unknownKey ? [...issue.path, issue.keys[0] ?? ''] : (issue?.path ?? []);
  throw invalidInput({
    field: path.length ? path.map(String).join('.') : root,
    rule: unknownKey ? 'unknown parameter' : (issue?.message ?? 'invalid'),
    value: null,
  });
}
