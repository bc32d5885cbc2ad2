// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/error';
import { PASSWORD_RULES } from '@/lib/auth-contract';
import { checkNewPassword, checkNewUser, knownRefusal, passwordRefusal } from './user-form';

describe('checkNewUser', () => {
  it('passes the contract’s rules, lowercasing the name as the server does', () => {
    const checked = checkNewUser({
      username: ' Ann ',
      role: 'support',
      password: 'long-enough-pw',
    });
    expect(checked).toEqual({
      ok: true,
      input: { username: 'ann', role: 'support', password: 'long-enough-pw' },
    });
  });

  it('names each broken rule beside its field', () => {
    expect(checkNewUser({ username: '', role: 'operator', password: 'short' })).toEqual({
      ok: false,
      errors: { username: 'required', password: 'password' },
    });
    expect(checkNewUser({ username: '-x', role: 'operator', password: '' })).toEqual({
      ok: false,
      errors: { username: 'username', password: 'required' },
    });
  });

  it('checks a reset password by the same rule', () => {
    expect(checkNewPassword('')).toBe('required');
    expect(checkNewPassword('12345678901')).toBe('password');
    expect(checkNewPassword('123456789012')).toBeNull();
  });
});

describe('knownRefusal', () => {
  const invalid = (field: string, rule: string) =>
    new ApiError(
      'api',
      400,
      {
        code: 'INVALID_INPUT',
        status: 400,
        message: 'm',
        explanation: 'api.invalid_input',
        retryable: false,
        field,
        rule,
      },
      null,
    );

  it('tells a taken name and the last admin apart from other refusals', () => {
    expect(knownRefusal(invalid('username', 'not taken'))).toBe('taken');
    expect(knownRefusal(invalid('username', 'not the last enabled admin'))).toBe('lastAdmin');
    expect(knownRefusal(invalid('password', 'not taken'))).toBeNull();
    expect(knownRefusal(new Error('x'))).toBeNull();
  });
});

describe('passwordRefusal', () => {
  const refused = (rule: string) =>
    new ApiError(
      'api',
      400,
      {
        code: 'PASSWORD_REFUSED',
        status: 400,
        message: 'm',
        explanation: 'api.password_refused',
        retryable: false,
        field: 'password',
        rule,
      },
      null,
    );

  it('names the rule a refused password broke, so the form can explain it', () => {
    expect(passwordRefusal(refused(PASSWORD_RULES.common))).toBe('common');
    expect(passwordRefusal(refused(PASSWORD_RULES.username))).toBe('username');
    expect(passwordRefusal(refused('something else'))).toBeNull();
    expect(passwordRefusal(new Error('x'))).toBeNull();
  });
});
