import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SERVER_DIR } from './lib/server-dir';

const packageSchema = z.object({ version: z.string() });

/** The console's version, from the server package, for health checks and the User-Agent. */
export const VERSION = packageSchema.parse(
  JSON.parse(readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')),
).version;
