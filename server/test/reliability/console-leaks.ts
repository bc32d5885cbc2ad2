// Test-only: what the leak check of a console under test reads.
import type { RecordedResponse } from './response-recorder';
import { sandboxSecrets } from './secret-inventory';
import { collectLeakInputs, type LeakCheckInputs, type LeakSource } from './secret-scan';

// The one place a session id belongs is the Set-Cookie of the sign-in that issued it.
const headersOf = (r: RecordedResponse) =>
  r.url.startsWith('/api/auth/login') ? r.headers.replace(/^set-cookie:.*$/gm, '') : r.headers;

/** The sandbox's secrets against every answer and log line, plus whatever `sources` add. */
export async function consoleLeakInputs(
  responses: readonly RecordedResponse[],
  logs: readonly string[],
  sources: readonly LeakSource[],
): Promise<LeakCheckInputs> {
  const haystacks = [
    ...responses.map((r) => ({
      label: `${r.method} ${r.url} → ${r.status}`,
      text: `${headersOf(r)}\n\n${r.body}`,
    })),
    ...logs.map((line, i) => ({ label: `log line ${i + 1}`, text: line })),
  ];
  return collectLeakInputs({ secrets: await sandboxSecrets(), haystacks }, [...sources]);
}
