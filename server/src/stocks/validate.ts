import type { z } from 'zod';
import { STOCK_INPUT_RULES } from '../contract/stocks';
import { invalidInput } from '../http/api-error';

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

// Values are echoed back to help people fix them; keep a huge or odd one from filling the reply.
const MAX_ECHO = 160;

function echo(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
  if (Array.isArray(value)) {
    const small = value.length <= 5 && value.every((item) => typeof item !== 'object');
    return small ? value.map(echo) : `(a list of ${value.length} values)`;
  }
  if (typeof value === 'object' && value !== null) return '(an object)';
  return value;
}

function fieldName(root: string | undefined, path: readonly Key[]): string {
  let name = root ?? '';
  for (const key of path) {
    name =
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key);
  }
  return name || 'body';
}

function valueAt(input: unknown, path: readonly Key[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<Key, unknown>)[key];
  }
  return value;
}

function describe(issue: Issue, input: unknown, root?: string) {
  // An unknown parameter is named by itself, not by the object that holds it.
  const path =
    issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const rule = issue.code === 'unrecognized_keys' ? STOCK_INPUT_RULES.unknown : issue.message;
  return { field: fieldName(root, path), rule, value: echo(valueAt(input, path)) };
}

/**
 * Validates one boundary with its one schema. The first broken rule becomes our 400
 * INVALID_INPUT naming field, rule and value; nothing upstream is called before this passes.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root?: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  if (!first)
    throw invalidInput({
      field: root ?? 'body',
      rule: STOCK_INPUT_RULES.required,
      value: undefined,
    });
  throw invalidInput(describe(first, input, root));
}
