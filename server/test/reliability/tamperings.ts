// Test-only: what a man in the middle can do to a signed WeChat Pay answer, and what the console
// must make of each. Every rewrite keeps the rest of the answer as WeChat Pay signed it.
import type { ApiErrorCode } from '../../src/contract/error';
import type { Answer, Tamper } from './tampering-proxy';

export interface Tampering {
  name: string;
  /** Rewrites one answer; `previous` is the answer before it (for swaps). */
  rewrite: (answer: Answer, previous: Answer | undefined) => Answer & { cutAfter?: number };
  code: ApiErrorCode;
  explanation: string;
  /** Transport failures are asked again (up to the client's retry bound); forgeries never. */
  retried?: boolean;
}

export const FORGED_CODE = 'FORGED-CODE-0001';

const withHeader = (answer: Answer, name: string, value: string | undefined): Answer => {
  const headers = { ...answer.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...answer, headers };
};

const withBody = (answer: Answer, text: string): Answer => ({ ...answer, body: Buffer.from(text) });

/** Changes one character of the first code: still valid JSON, no longer what was signed. */
function flipOneByte(answer: Answer): Answer {
  const text = answer.body.toString('utf8');
  const at = text.indexOf('"data":["') + '"data":["'.length;
  const swapped = text[at] === 'A' ? 'B' : 'A';
  return withBody(answer, `${text.slice(0, at)}${swapped}${text.slice(at + 1)}`);
}

function forgeCode(answer: Answer): Answer {
  const page = JSON.parse(answer.body.toString('utf8')) as { data: string[] };
  page.data[0] = FORGED_CODE;
  return withBody(answer, JSON.stringify(page));
}

const unsigned = (header: string): Tampering => ({
  name: `${header} removed`,
  rewrite: (answer) => withHeader(answer, header, undefined),
  code: 'RESPONSE_UNSIGNED',
  explanation: 'client.response_unsigned',
});

const BAD = { code: 'BAD_SIGNATURE', explanation: 'client.bad_signature' } as const;

/** `otherSerial` is a serial the sandbox owns but this client does not trust. */
export function tamperings(otherSerial: string): Tampering[] {
  return [
    { name: 'one body byte flipped', rewrite: flipOneByte, ...BAD },
    { name: 'a forged code swapped in', rewrite: forgeCode, ...BAD },
    {
      name: 'body truncated (length fixed)',
      rewrite: (a) => ({ ...a, body: a.body.subarray(0, a.body.length >> 1) }),
      ...BAD,
    },
    { name: 'body emptied', rewrite: (a) => withBody(a, ''), ...BAD },
    {
      name: 'signature of another answer',
      rewrite: (a, previous) =>
        withHeader(a, 'wechatpay-signature', previous?.headers['wechatpay-signature']),
      ...BAD,
    },
    {
      name: 'nonce of another answer',
      rewrite: (a, previous) =>
        withHeader(a, 'wechatpay-nonce', previous?.headers['wechatpay-nonce']),
      ...BAD,
    },
    {
      name: 'signature type changed',
      rewrite: (a) => withHeader(a, 'wechatpay-signature-type', 'WECHATPAY2-SHA256-RSA4096'),
      ...BAD,
    },
    {
      name: 'timestamp and nonce swapped',
      rewrite: (a) => {
        const swapped = withHeader(a, 'wechatpay-timestamp', a.headers['wechatpay-nonce']);
        return withHeader(swapped, 'wechatpay-nonce', a.headers['wechatpay-timestamp']);
      },
      code: 'STALE_TIMESTAMP',
      explanation: 'client.stale_timestamp',
    },
    {
      name: 'serial swapped for another WeChat Pay key',
      rewrite: (a) => withHeader(a, 'wechatpay-serial', otherSerial),
      code: 'UNKNOWN_SERIAL',
      explanation: 'client.unknown_serial',
    },
    ...['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial'].map(
      unsigned,
    ),
    {
      name: 'connection cut mid-body',
      rewrite: (a) => ({ ...a, cutAfter: a.body.length >> 1 }),
      code: 'UPSTREAM_UNAVAILABLE',
      explanation: 'client.upstream_unavailable.network',
      retried: true,
    },
  ];
}

/** Applies `tampering` to the items answers of one stock at one offset, and to nothing else. */
export function tamperItems(
  tampering: Tampering,
  stockId: string,
  offset: number,
  answers: readonly Answer[],
): Tamper {
  const target = `/stocks/${stockId}/items?offset=${offset}&`;
  return (answer) => {
    if (answer.status !== 200 || !answer.url.includes(target)) return undefined;
    return tampering.rewrite(answer, answers.at(-2));
  };
}
