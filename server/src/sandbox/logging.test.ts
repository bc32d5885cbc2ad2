import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { call, itemsUrl, startTestSandbox } from '../../test/support/sandbox-http';
import type { SandboxOptions } from './server';

describe('logger', () => {
  it('accepts a pino logger', () => {
    const options: SandboxOptions = { logger: pino({ level: 'silent' }) };
    expect(options.logger).toBeDefined();
  });

  it('logs one line per request with its id and status, and no secret', async () => {
    const lines: Array<{ obj: object; msg?: string }> = [];
    const sandbox = await startTestSandbox({
      logger: { info: (obj, msg) => lines.push({ obj, msg }) },
    });
    try {
      sandbox.faults.inject('reset');
      await expect(call(sandbox, itemsUrl('16000003'))).rejects.toThrow();
      const ok = await call(sandbox, itemsUrl('16000003'));
      await call(sandbox, itemsUrl('16000003'), { headers: { Authorization: 'x' } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines.map((l) => (l.obj as { status: number }).status)).toEqual([0, 200, 401]);
      expect(lines[1]?.obj).toMatchObject({
        requestId: ok.headers['request-id'],
        method: 'GET',
        fault: undefined,
      });
      expect(lines[0]?.obj).toMatchObject({ fault: 'reset' });
      const text = JSON.stringify(lines);
      const { apiv3Key, merchantPrivateKeyPem } = sandbox.credentials;
      expect(text).not.toContain(apiv3Key);
      expect(text).not.toContain(merchantPrivateKeyPem.split('\n')[1]);
    } finally {
      await sandbox.close();
    }
  });
});
