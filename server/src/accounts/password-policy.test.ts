import { describe, expect, it } from 'vitest';
import { passwordRefusal } from './password-policy';

describe('the new-password policy', () => {
  it.each([
    ['password1234', 'kim'],
    ['qwertyuiop12', 'kim'],
    ['iloveyou2024', 'kim'],
    ['aaaaaaaaaaaa', 'kim'],
    ['123456789012', 'kim'],
    ['Password123!', 'kim'],
  ])('refuses %s as common', async (password, username) => {
    expect(await passwordRefusal(password, username)).toBe('common');
  });

  it('refuses the username, and any password containing it, whatever the case', async () => {
    expect(await passwordRefusal('ops-manager-1', 'ops-manager-1')).toBe('username');
    expect(await passwordRefusal('Harbour-KIMBERLY-81', 'kimberly')).toBe('username');
    expect(await passwordRefusal('Lantern-ops-Harbour', 'ops')).toBe('username');
    // A two-letter name inside a long password is coincidence, not a hint.
    expect(await passwordRefusal('Copper-Meadow-Li-7', 'li')).toBeNull();
  });

  it('accepts long uncommon passwords and phrases', async () => {
    expect(await passwordRefusal('Harbour-Lantern-9f3k2', 'admin')).toBeNull();
    expect(await passwordRefusal('correct horse battery staple', 'kim')).toBeNull();
    expect(await passwordRefusal('铜色草地上的灯笼亮了', 'kim')).toBeNull();
  });
});
