import type { Explanation } from '../contract/explanation';
import { enQuote, zhQuote } from './phrases';

// Without an answer there is no Request-ID: the time and our egress IP are what WeChat Pay can
// search its logs by.
const NO_ANSWER_QUOTE = {
  zh: '这次请求没有收到回复，所以没有 Request-ID。联系微信支付时请提供：发生时间（北京时间，精确到秒）、商户号、批次号，以及控制台服务器的出口 IP；如果之前的重试收到过回复，也请附上那次的 Request-ID。',
  en: 'No answer came back, so there is no Request-ID. When contacting WeChat Pay, give the time (Beijing time, to the second), the merchant ID, the stock ID and the console server’s outgoing IP address, plus the Request-ID of any earlier attempt that did get an answer.',
} as const;

// The generic entry covers all three causes: some attempts may have had an answer.
const MIXED_QUOTE = {
  zh: '收到过微信支付回复的，请提供错误详情中的 Request-ID；连接失败或超时的请求没有 Request-ID。联系微信支付时请一并提供：发生时间（北京时间，精确到秒）、商户号、批次号和控制台服务器的出口 IP。',
  en: 'If WeChat Pay answered, quote the Request-ID from the error details; failed or timed-out connections have none. When contacting WeChat Pay, also give the time (Beijing time, to the second), the merchant ID, the stock ID and the console server’s outgoing IP address.',
} as const;

/** WeChat Pay could not be reached or kept failing: transient, retried by the client. */
export const clientUnavailableErrors: Explanation[] = [
  {
    id: 'client.upstream_unavailable',
    source: 'client',
    match: { code: 'upstream_unavailable' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '暂时无法连上微信支付',
        what_happened:
          '控制台几次尝试都没能从微信支付拿到正常回复：连接失败、超时，或微信支付返回了服务端错误。这通常是暂时的，与您的批次无关。查询是只读的，重试不会产生任何重复操作。',
        causes: [
          '微信支付临时故障或维护',
          '控制台服务器的网络不稳定',
          '出口代理或防火墙拦截、拖慢了连接',
        ],
        operator_action: '过几分钟再查询。持续失败时，请技术人员检查控制台服务器到微信支付的网络。',
        support_script:
          '我们暂时连不上微信支付，查询没有完成，与您的批次无关。我们过几分钟再查一次，有结果马上告诉您。',
        quote_to_wechatpay: MIXED_QUOTE.zh,
      },
      en: {
        title: 'WeChat Pay cannot be reached right now',
        what_happened:
          'Several attempts brought no usable answer from WeChat Pay: the connection failed, timed out, or WeChat Pay answered with a server error. This is usually temporary and has nothing to do with the stock. Lookups only read, so retrying never does anything twice.',
        causes: [
          'A temporary outage or maintenance at WeChat Pay.',
          'An unstable network at the console server.',
          'An outgoing proxy or firewall blocking or slowing the connection.',
        ],
        operator_action:
          'Look again in a few minutes. If it keeps failing, ask the technical team to check the network between the console server and WeChat Pay.',
        support_script:
          'We cannot reach WeChat Pay right now, so our lookup did not complete; it has nothing to do with your stock. We will try again in a few minutes and tell you the result.',
        quote_to_wechatpay: MIXED_QUOTE.en,
      },
    },
  },
  {
    id: 'client.upstream_unavailable.timeout',
    source: 'client',
    match: { code: 'upstream_unavailable' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付响应超时',
        what_happened:
          '微信支付在规定时间内（默认每次 3 秒）没有回复。控制台已经自动重试了几次，都超时了。查询是只读的，超时和重试都不会产生任何重复操作。',
        causes: [
          '微信支付响应变慢或临时故障',
          '控制台服务器的网络慢或不稳定',
          '出口代理或防火墙拖慢了连接',
        ],
        operator_action:
          '过几分钟再查询。经常超时的，请技术人员检查控制台服务器到 api.mch.weixin.qq.com 的网络延迟和出口代理。',
        support_script:
          '微信支付这会儿响应很慢，查询没有在规定时间内完成，与您的批次无关。我们稍后再查一次，有结果马上告诉您。',
        quote_to_wechatpay: NO_ANSWER_QUOTE.zh,
      },
      en: {
        title: 'WeChat Pay did not answer in time',
        what_happened:
          'WeChat Pay did not answer within the time allowed (3 seconds per attempt by default). The console retried a few times and each attempt timed out. Lookups only read, so neither the timeouts nor the retries did anything twice.',
        causes: [
          'WeChat Pay is slow or temporarily failing.',
          'The console server’s network is slow or unstable.',
          'An outgoing proxy or firewall is slowing the connection.',
        ],
        operator_action:
          'Look again in a few minutes. If timeouts are frequent, ask the technical team to check latency from the console server to api.mch.weixin.qq.com and any outgoing proxy.',
        support_script:
          'WeChat Pay is answering very slowly right now and our lookup did not finish in time; it has nothing to do with your stock. We will try again shortly and tell you the result.',
        quote_to_wechatpay: NO_ANSWER_QUOTE.en,
      },
    },
  },
  {
    id: 'client.upstream_unavailable.network',
    source: 'client',
    match: { code: 'upstream_unavailable' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '连不上微信支付（网络故障）',
        what_happened:
          '控制台无法与微信支付建立连接，或连接中途断开（例如域名解析失败、连接被拒绝或被重置）。控制台已经自动重试，配置了备用域名时也换过，仍然失败。请求没有被处理。',
        causes: [
          '控制台服务器无法访问外网，或域名解析（DNS）失败',
          '防火墙或出口代理拦截了到 api.mch.weixin.qq.com 的连接',
          '微信支付或中间网络临时故障',
        ],
        operator_action:
          '请技术人员检查控制台服务器能否解析并访问 api.mch.weixin.qq.com（443 端口），以及防火墙和出口代理的设置。网络恢复后重新查询。',
        support_script:
          '我们这边暂时连不上微信支付，查询没有完成，与您的批次无关。我们会请技术同事排查网络，恢复后马上重新查询并告诉您结果。',
        quote_to_wechatpay: NO_ANSWER_QUOTE.zh,
      },
      en: {
        title: 'Cannot connect to WeChat Pay (network failure)',
        what_happened:
          'The console could not connect to WeChat Pay, or the connection broke off (a DNS failure, a refused or reset connection). It retried, on the backup domain too when one is configured, and still failed. The request was not processed.',
        causes: [
          'The console server has no internet access, or DNS resolution fails.',
          'A firewall or outgoing proxy blocks connections to api.mch.weixin.qq.com.',
          'A temporary failure at WeChat Pay or on the network in between.',
        ],
        operator_action:
          'Ask the technical team to check that the console server can resolve and reach api.mch.weixin.qq.com on port 443, and the firewall and proxy settings. Look again once the network is back.',
        support_script:
          'We cannot connect to WeChat Pay right now, so our lookup did not complete; it has nothing to do with your stock. We will have our technical team check the network, and look again and tell you the result as soon as it is back.',
        quote_to_wechatpay: NO_ANSWER_QUOTE.en,
      },
    },
  },
  {
    id: 'client.upstream_unavailable.server_error',
    source: 'client',
    match: { code: 'upstream_unavailable' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付服务异常，重试后仍失败',
        what_happened:
          '微信支付（或通往它的网关）多次返回服务端错误（HTTP 5xx），控制台自动重试后仍然失败。这与您的操作和批次无关。查询是只读的，重试不会产生任何重复操作。',
        causes: ['微信支付系统临时故障、繁忙或维护', '通往微信支付的网关暂时异常'],
        operator_action: '过几分钟再查询。持续失败时，请留意微信支付的服务公告或联系微信支付。',
        support_script:
          '微信支付那边暂时出了问题，查询没有完成，与您的批次无关。我们过几分钟再查一次，有结果马上告诉您。',
        quote_to_wechatpay: zhQuote(
          undefined,
          '',
          undefined,
          '如有多次失败，请列出每次的 Request-ID。',
        ),
      },
      en: {
        title: 'WeChat Pay server errors, still failing after retries',
        what_happened:
          'WeChat Pay (or a gateway on the way to it) answered with server errors (HTTP 5xx) several times, and the console’s retries failed too. It has nothing to do with what you did or with the stock. Lookups only read, so retrying never does anything twice.',
        causes: [
          'A temporary failure, overload or maintenance at WeChat Pay.',
          'A gateway on the way to WeChat Pay is temporarily failing.',
        ],
        operator_action:
          'Look again in a few minutes. If it keeps failing, check WeChat Pay’s service announcements or contact WeChat Pay.',
        support_script:
          'WeChat Pay had a temporary problem and our lookup did not complete; it has nothing to do with your stock. We will try again in a few minutes and tell you the result.',
        quote_to_wechatpay: enQuote(
          undefined,
          '',
          'If it failed several times, list each Request-ID.',
        ),
      },
    },
  },
];
