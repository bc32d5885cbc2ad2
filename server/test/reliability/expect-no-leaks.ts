// Test-only: the leak check every suite runs on its console before closing it.
import { expect } from 'vitest';
import type { ConsoleUnderTest } from './console-under-test';
import { findLeaks } from './secret-scan';

/** No secret in any answer the console sent or any line it logged (and there were some). */
export async function expectNoLeaks(c: ConsoleUnderTest): Promise<void> {
  const inputs = await c.leakInputs();
  expect(inputs.secrets.length).toBeGreaterThan(0);
  expect(c.responses.length).toBeGreaterThan(0);
  expect(c.logs.length).toBeGreaterThan(0);
  expect(findLeaks(inputs)).toEqual([]);
}
