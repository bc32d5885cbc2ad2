import type { ReadStream } from 'node:tty';

/** Reads one line typed at the terminal without echoing it (raw mode, no readline history). */
function promptHidden(question: string, input: ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    const finish = () => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * A new password: the first line of stdin when it is piped (scripts, tests), otherwise typed
 * twice at a prompt that does not echo it.
 */
export async function readNewPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return readFirstLine(stdin);
  const tty = stdin as ReadStream;
  const first = await promptHidden('New password: ', tty);
  const second = await promptHidden('Repeat it: ', tty);
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}
