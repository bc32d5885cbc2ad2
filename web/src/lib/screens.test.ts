// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { adminScreensFor, mayOpen, rememberConsoleSearch, screenOf, screenSearch } from './screens';

describe('screens', () => {
  it('reads the admin pages from the tab parameter and leaves the stock tabs alone', () => {
    expect(screenOf('?tab=users')).toBe('users');
    expect(screenOf('?tab=audit&user=alice')).toBe('audit');
    expect(screenOf('?stock=1&mchid=2&tab=coverage')).toBe('console');
    expect(screenOf('?tab=admin')).toBe('console');
  });

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

  it('goes back to the console view last shown', () => {
    rememberConsoleSearch('?stock=16000004&mchid=1900000109&tab=coverage');
    expect(screenSearch('console')).toBe('?stock=16000004&mchid=1900000109&tab=coverage');
    expect(screenSearch('audit')).toBe('?tab=audit');
  });
});
