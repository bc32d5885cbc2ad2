import { STOCK_INPUT_RULES, wechatIdSchema } from 'server/contract';

export type RuleKey = keyof typeof STOCK_INPUT_RULES;

export interface LookupInput {
  stock: string;
  mchid: string;
}

export interface LookupErrors {
  stock?: RuleKey;
  mchid?: RuleKey;
}

/** The STOCK_INPUT_RULES key behind a schema message, so the form names the rule in the reader's language. */
export function ruleKeyOf(message: string): RuleKey | undefined {
  const keys = Object.keys(STOCK_INPUT_RULES) as RuleKey[];
  return keys.find((key) => STOCK_INPUT_RULES[key] === message);
}

function checkId(value: string): RuleKey | undefined {
  if (value === '') return 'required';
  const parsed = wechatIdSchema.safeParse(value);
  if (parsed.success) return undefined;
  return ruleKeyOf(parsed.error.issues[0]?.message ?? '') ?? 'text';
}

/**
 * Checks a stock id and creator mchid with the server's own schema (string[1,20], ASCII
 * letters, digits, `_` and `-`), so a bad one is caught beside its field and never sent.
 */
export function validateLookup(input: LookupInput): LookupErrors {
  const errors: LookupErrors = {};
  const stock = checkId(input.stock);
  const mchid = checkId(input.mchid);
  if (stock) errors.stock = stock;
  if (mchid) errors.mchid = mchid;
  return errors;
}

export const hasErrors = (errors: LookupErrors) => Boolean(errors.stock ?? errors.mchid);

/** People paste ids with stray blanks around them; those are never part of an id. */
export function tidyLookup(input: LookupInput): LookupInput {
  return { stock: input.stock.trim(), mchid: input.mchid.trim() };
}
