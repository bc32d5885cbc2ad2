// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isStateChanging, requestHeaders } from './csrf';

describe('requestHeaders', () => {
  it('sends the CSRF token with every state-changing method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect(requestHeaders(method, true, 'tok-1')['X-CSRF-Token'], method).toBe('tok-1');
      expect(isStateChanging(method)).toBe(true);
    }
  });

  it('never sends it with a read, and sends none before a session is known', () => {
    expect(requestHeaders('GET', false, 'tok-1')).toEqual({ Accept: 'application/json' });
    expect(isStateChanging('GET')).toBe(false);
    expect(requestHeaders('POST', true, null)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('declares JSON only when there is a body', () => {
    expect(requestHeaders('POST', false, 't')['Content-Type']).toBeUndefined();
  });
});
