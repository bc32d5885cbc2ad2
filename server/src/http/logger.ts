import { type Logger, pino } from 'pino';

/**
 * Paths that may hold a secret anywhere in a log object. pino replaces them before the line is
 * written, so a careless `logger.info({ req })` still cannot leak a key or a session.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.Authorization',
  '*.privateKey',
  '*.merchantPrivateKey',
  '*.merchantPrivateKeyPem',
  '*.apiv3Key',
  '*.password',
  '*.passwordHash',
  'password',
  'apiv3Key',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'console' },
    },
    destination,
  );
}
