// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { adminScreensFor, mayOpen } from './admin-screens';

describe('admin screens', () => {
  it('shows the admin navigation to admins only', () => {
    expect(adminScreensFor('admin')).toEqual(['users', 'audit']);
    expect(adminScreensFor('operator')).toEqual([]);
    expect(adminScreensFor('support')).toEqual([]);
  });

  it('lets every role open the console and only admins the admin pages', () => {
    for (const role of ['admin', 'operator', 'support'] as const) {
      expect(mayOpen(role, 'console')).toBe(true);
      expect(mayOpen(role, 'audit')).toBe(role === 'admin');
      expect(mayOpen(role, 'users')).toBe(role === 'admin');
    }
  });
});
