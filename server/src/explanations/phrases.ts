// Sentences many entries share, kept in one place so the wording stays consistent and the
// tests can look for them.

/** Every entry the items/stock lookup cannot produce says this, then where the error comes from. */
export const NOT_FROM_THIS_LOOKUP = {
  zh: '本控制台的查询（批次可用单品、批次详情）不会返回这个错误。',
  en: 'This console’s lookups (a stock’s product codes and its details) never return this error.',
} as const;

function head(status: number | undefined, code: string): string {
  return [status === undefined ? '' : `HTTP ${status}`, code].filter(Boolean).join(' ');
}

// Without a code (a body we could not read) the raw answer stands in for it.
function zhItems(status: number | undefined, code: string, message?: string): string {
  const raw = '错误详情中的原始返回内容';
  const answer = code
    ? `返回内容 ${head(status, code)}${message ? `“${message}”` : ''}`
    : status === undefined
      ? raw
      : ` HTTP 状态码 ${status} 和${raw}`;
  return `Request-ID（见错误详情）、商户号、批次号、发生时间（北京时间，精确到分钟），以及${answer}`;
}

function enItems(status: number | undefined, code: string): string {
  const answer = code
    ? `the answer: ${head(status, code)} with its message exactly as shown`
    : `the answer${status === undefined ? '' : ` (HTTP ${status})`} with the raw body shown in the error details`;
  return `the Request-ID (in the error details), the merchant ID, the stock ID, the time (Beijing time, to the minute) and ${answer}`;
}

/** What to quote to WeChat Pay about an error it returned to one of our lookups. */
export function zhQuote(status: number | undefined, code: string, message?: string, extra = '') {
  return `联系微信支付时请提供：${zhItems(status, code, message)}。${extra}`;
}

export function enQuote(status: number | undefined, code: string, extra = '') {
  return `When contacting WeChat Pay, quote ${enItems(status, code)}.${extra ? ` ${extra}` : ''}`;
}

/** The same, after a first sentence saying why contacting WeChat Pay is rarely needed. */
export function zhQuoteAfter(
  lead: string,
  status: number | undefined,
  code: string,
  message?: string,
  extra = '',
) {
  return `${lead}如确需联系微信支付，请提供：${zhItems(status, code, message)}。${extra}`;
}

export function enQuoteAfter(lead: string, status: number | undefined, code: string, extra = '') {
  return `${lead} If you do contact WeChat Pay, quote ${enItems(status, code)}.${extra ? ` ${extra}` : ''}`;
}

/** Rate limits pass by themselves; the egress IP is what WeChat Pay counts per-IP limits by. */
export const RATE_LIMIT_QUOTE = {
  zh: ['通常不需要联系微信支付，稍等片刻就会恢复。', '同时说明控制台的出口 IP 和出现的时间段。'],
  en: [
    'Usually there is no need to contact WeChat Pay: it passes within minutes.',
    'Also give the console’s outgoing IP address and the time span.',
  ],
} as const;

/** What to quote about an error that came from another API: the Request-ID of that call. */
export function zhQuoteElsewhere(api: string): string {
  return `通常不需要为此联系微信支付。如确需咨询，请提供出错那次调用的 Request-ID（在返回这个错误的系统或日志里）、商户号、调用的接口（${api}）和发生时间。`;
}

export function enQuoteElsewhere(api: string): string {
  return `Usually there is no need to contact WeChat Pay about this. If you do, quote the Request-ID of the failing call (in the system or log that returned the error), the merchant ID, the API called (${api}) and the time.`;
}

/** For errors of our own: WeChat Pay has nothing to look up, so it cannot help. */
export const NOT_FOR_WECHATPAY = {
  zh: '不需要联系微信支付：这是控制台自身的提示，微信支付那边没有相关记录。如需排查，请把错误详情和发生时间交给控制台的技术团队。',
  en: 'No need to contact WeChat Pay: this comes from the console itself and WeChat Pay has no record of it. To investigate, give the error details and the time to the console’s technical team.',
} as const;

/** Every verification failure says why nothing was shown and why a retry will not help. */
export const UNPROVEN = {
  zh: '控制台会核验微信支付每个回复的签名，确保显示的数据确实来自微信支付、途中没有被改动。这个回复无法证明来自微信支付，所以其中的数据没有显示。重试不能解决这个问题，控制台也不会自动重试。',
  en: 'The console checks the signature of every answer from WeChat Pay, so that what it shows provably comes from WeChat Pay unchanged. This answer could not be proven to come from WeChat Pay, so none of its data is shown. Retrying will not help, and the console does not retry it.',
} as const;
