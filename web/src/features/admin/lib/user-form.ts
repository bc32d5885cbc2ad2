import { ApiError } from '@/lib/api/error';
import {
  type CreateUserRequest,
  createUserRequestSchema,
  newPasswordSchema,
  PASSWORD_RULES,
  type PasswordRule,
} from '@/lib/auth-contract';

export type UserField = 'username' | 'password';
/** Keys under `users.rules` in the locales, one per rule the contract's schemas enforce. */
export type UserFieldErrors = Partial<Record<UserField, 'required' | 'username' | 'password'>>;

export interface UserFormValues {
  username: string;
  role: CreateUserRequest['role'];
  password: string;
}

/** Checks a new account with the contract's own schema, so the form and server agree. */
export function checkNewUser(
  values: UserFormValues,
): { ok: true; input: CreateUserRequest } | { ok: false; errors: UserFieldErrors } {
  const parsed = createUserRequestSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: UserFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'username' && field !== 'password') continue;
    errors[field] = values[field].trim() === '' ? 'required' : field;
  }
  return { ok: false, errors };
}

/** A new password for a reset, checked by the contract's rule. */
export function checkNewPassword(password: string): 'required' | 'password' | null {
  if (password === '') return 'required';
  return newPasswordSchema.safeParse(password).success ? null : 'password';
}

/**
 * The admin refusals worth their own sentence, told apart by the field and rule the 400 names
 * (user-admin.ts); anything else is shown by the error panel from the catalog.
 */
export function knownRefusal(error: unknown): 'taken' | 'lastAdmin' | null {
  if (!(error instanceof ApiError) || error.payload?.code !== 'INVALID_INPUT') return null;
  if (error.payload.field !== 'username') return null;
  if (error.payload.rule === 'not taken') return 'taken';
  if (error.payload.rule === 'not the last enabled admin') return 'lastAdmin';
  return null;
}

/**
 * A new password the server refused as guessable (400 PASSWORD_REFUSED): which rule, so the
 * form explains it beside the field. The server judges it: the common-password list stays there.
 */
export function passwordRefusal(error: unknown): PasswordRule | null {
  if (!(error instanceof ApiError) || error.payload?.code !== 'PASSWORD_REFUSED') return null;
  const rules = Object.entries(PASSWORD_RULES) as [PasswordRule, string][];
  return rules.find(([, text]) => text === error.payload?.rule)?.[0] ?? null;
}
