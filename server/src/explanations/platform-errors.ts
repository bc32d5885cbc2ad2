import type { Explanation } from '../contract/explanation';
import { enQuote, enQuoteAfter, RATE_LIMIT_QUOTE as RL, zhQuote, zhQuoteAfter } from './phrases';

/** Codes every WeChat Pay APIv3 call can answer with, whatever the message. */
export const platformErrors: Explanation[] = [
  {
    id: 'upstream.SIGN_ERROR',
    source: 'upstream',
    match: { status: 401, code: 'SIGN_ERROR' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付没有通过控制台请求的签名验证',
        what_happened:
          '微信支付返回 401 SIGN_ERROR：它无法确认这次请求来自本商户，因此拒绝处理。常见原因有两类：控制台服务器的时钟偏差超过 5 分钟，或控制台使用的商户 API 私钥、证书序列号与商户号不是同一套。在配置改正之前，重试不会成功。',
        causes: [
          '控制台服务器的系统时间与标准时间相差超过 5 分钟',
          '商户 API 证书已更换或过期，控制台仍在使用旧的私钥或证书序列号',
          '配置的商户号、商户 API 证书序列号和私钥不属于同一套',
          '请求发出后被代理或网关改动（例如改写了网址或编码）',
        ],
        operator_action:
          '请技术人员依次检查：1）服务器时间是否准确，是否开启了 NTP 时间同步；2）在商户平台“账户中心 › API安全”核对商户 API 证书的序列号，并确认控制台使用的是与之对应的私钥；3）控制台配置的商户号是否正确。错误详情中的 sign_information 显示了微信支付收到的待签名内容，可用来对比。',
        support_script:
          '我们的系统向微信支付发起查询时，身份校验没有通过。这是我们这边的配置问题，与您的批次无关。我们会尽快请技术同事处理，处理好后重新查询并告诉您结果。',
        quote_to_wechatpay: zhQuote(
          401,
          'SIGN_ERROR',
          undefined,
          '可附上商户 API 证书序列号和错误详情中的 sign_information。切勿提供商户私钥或 APIv3 密钥。',
        ),
      },
      en: {
        title: 'WeChat Pay rejected the signature of the console’s request',
        what_happened:
          'WeChat Pay answered 401 SIGN_ERROR: it could not confirm the request came from this merchant, so it did not process it. There are two usual reasons: the console server’s clock is more than 5 minutes off, or the merchant API private key and certificate serial the console uses do not belong to the merchant ID. Retrying will not help until the configuration is fixed.',
        causes: [
          'The console server’s clock is more than 5 minutes away from the real time.',
          'The merchant API certificate was replaced or has expired, and the console still uses the old private key or serial number.',
          'The configured merchant ID, merchant API certificate serial and private key are not one matching set.',
          'A proxy or gateway changed the request after it was signed (rewrote the URL or its encoding, say).',
        ],
        operator_action:
          'Ask the technical team to check, in order: 1) the server clock is right and synchronised by NTP; 2) the merchant API certificate serial in the Merchant Platform (Account Center, API Security) matches the one configured, with its own private key; 3) the configured merchant ID is right. The sign_information in the error details shows what WeChat Pay received, for comparison.',
        support_script:
          'Our system’s request to WeChat Pay failed its identity check. This is a configuration problem on our side and has nothing to do with your stock. Our technical team will fix it as soon as possible, and we will look again and tell you the result.',
        quote_to_wechatpay: enQuote(
          401,
          'SIGN_ERROR',
          'You may add the merchant API certificate serial and the sign_information from the error details. Never give out the merchant private key or the APIv3 key.',
        ),
      },
    },
  },
  {
    id: 'upstream.NO_AUTH',
    source: 'upstream',
    match: { status: 403, code: 'NO_AUTH' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '商户号没有调用这个接口的权限',
        what_happened:
          '微信支付返回 403 NO_AUTH：控制台用来查询的商户号没有这个接口的权限，请求被拒绝。开通或恢复权限之前，重试不会成功。',
        causes: [
          '商户号没有开通代金券',
          '商户号的权限被收回或受到限制',
          '控制台配置的商户号不是开通了代金券的那个',
        ],
        operator_action:
          '请管理员在商户平台确认这个商户号已开通代金券、账号状态正常；如果账号受到限制，商户平台一般会有通知说明原因。确认后重新查询。',
        support_script:
          '微信支付提示我们使用的商户号没有查询权限。需要贵方管理员在商户平台确认代金券已开通、账号状态正常，处理后告诉我们，我们再查。',
        quote_to_wechatpay: zhQuote(403, 'NO_AUTH'),
      },
      en: {
        title: 'Merchant ID not allowed to call this API',
        what_happened:
          'WeChat Pay answered 403 NO_AUTH: the merchant ID the console calls with has no permission for this API, so the request was refused. Retrying will not help until the permission is granted or restored.',
        causes: [
          'The merchant ID has not enabled Vouchers.',
          'The merchant ID’s permissions were withdrawn or restricted.',
          'The console is configured with a different merchant ID from the one that enabled Vouchers.',
        ],
        operator_action:
          'Ask an administrator to check in the Merchant Platform that this merchant ID has Vouchers enabled and is in good standing; a restriction usually comes with a notice explaining why. Then look the stock up again.',
        support_script:
          'WeChat Pay says the merchant ID we use has no permission for this lookup. Your administrator needs to check in the Merchant Platform that Vouchers is enabled and the account is in good standing; let us know when it is done and we will look again.',
        quote_to_wechatpay: enQuote(403, 'NO_AUTH'),
      },
    },
  },
  {
    id: 'upstream.SYSTEM_ERROR',
    source: 'upstream',
    match: { status: 500, code: 'SYSTEM_ERROR' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付系统临时故障',
        what_happened:
          '微信支付返回 500 SYSTEM_ERROR：微信支付内部出现临时问题，这次请求没有正常完成。这与您的操作和批次无关。控制台会用相同的参数自动重试 2–3 次；看到这条提示，说明几次重试都没有成功。',
        causes: ['微信支付系统临时故障或繁忙'],
        operator_action:
          '过几分钟再查询一次。查询是只读的，重试不会产生任何重复操作。如果持续失败，请联系微信支付。',
        support_script:
          '微信支付那边系统暂时出了点问题，查询没有完成，与您的批次无关。我们过几分钟再查一次，有结果马上告诉您。',
        quote_to_wechatpay: zhQuote(
          500,
          'SYSTEM_ERROR',
          undefined,
          '如有多次失败，请列出每次的 Request-ID。',
        ),
      },
      en: {
        title: 'Temporary failure at WeChat Pay',
        what_happened:
          'WeChat Pay answered 500 SYSTEM_ERROR: something failed inside WeChat Pay and the request did not complete. It has nothing to do with what you did or with the stock. The console retries 2 to 3 times with the same parameters; if you see this message, those retries failed too.',
        causes: ['A temporary failure or overload at WeChat Pay.'],
        operator_action:
          'Look again in a few minutes. Lookups only read, so retrying never does anything twice. If it keeps failing, contact WeChat Pay.',
        support_script:
          'WeChat Pay’s system had a temporary problem and our lookup did not complete; it has nothing to do with your stock. We will try again in a few minutes and tell you the result.',
        quote_to_wechatpay: enQuote(
          500,
          'SYSTEM_ERROR',
          'If it failed several times, list each Request-ID.',
        ),
      },
    },
  },
  {
    id: 'upstream.SERVICE_UNAVAILABLE',
    source: 'upstream',
    match: { status: 503, code: 'SERVICE_UNAVAILABLE' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付服务暂时不可用',
        what_happened:
          '微信支付返回 SERVICE_UNAVAILABLE（HTTP 502 或 503）：服务暂时不可用，这次请求没有被处理。通常是短时间的故障或维护。控制台会自动重试，配置了备用域名时还会切换过去；看到这条提示，说明重试也没有成功。',
        causes: ['微信支付服务临时故障或维护', '通往微信支付的网关暂时异常'],
        operator_action:
          '过几分钟再查询。查询是只读的，重试不会产生任何重复操作。持续超过十几分钟，请留意微信支付的服务公告或联系微信支付。',
        support_script:
          '微信支付的服务暂时不可用，查询没有完成，与您的批次无关。我们稍后再查一次，有结果马上告诉您。',
        quote_to_wechatpay: zhQuote(
          503,
          'SERVICE_UNAVAILABLE',
          undefined,
          '请说明实际的 HTTP 状态码（502 或 503）。',
        ),
      },
      en: {
        title: 'WeChat Pay temporarily unavailable',
        what_happened:
          'WeChat Pay answered SERVICE_UNAVAILABLE (HTTP 502 or 503): the service is temporarily unavailable and the request was not processed, usually during a short outage or maintenance. The console retries by itself, and switches to the backup domain when one is configured; if you see this message, the retries failed too.',
        causes: [
          'A temporary outage or maintenance at WeChat Pay.',
          'A gateway on the way to WeChat Pay is temporarily failing.',
        ],
        operator_action:
          'Look again in a few minutes. Lookups only read, so retrying never does anything twice. If it lasts more than a quarter of an hour, check WeChat Pay’s service announcements or contact WeChat Pay.',
        support_script:
          'WeChat Pay’s service is temporarily unavailable and our lookup did not complete; it has nothing to do with your stock. We will try again shortly and tell you the result.',
        quote_to_wechatpay: enQuote(
          503,
          'SERVICE_UNAVAILABLE',
          'Say which HTTP status it was (502 or 503).',
        ),
      },
    },
  },
  {
    id: 'upstream.RATELIMIT_EXCEEDED',
    source: 'upstream',
    match: { status: 429, code: 'RATELIMIT_EXCEEDED' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '调用太频繁，控制台会自动稍后重试',
        what_happened:
          '微信支付返回 429 RATELIMIT_EXCEEDED：调用频率超过了限制，这次请求没有被处理（没有任何副作用）。它与“接口限频”是同一类问题，只是批次详情等其他接口使用这个名称。控制台会自动等待后重试；看到这条提示，说明重试后仍然超限。',
        causes: [
          '同时在扫描多个大批次，或多人同时查询',
          '同一商户号或同一出口 IP 下的其他系统也在调用微信支付接口',
        ],
        operator_action:
          '稍等一两分钟再查询，不需要反复点击。如果经常出现，请减少同时进行的扫描，或请技术人员检查是否还有其他系统在用同一商户号、同一出口 IP 调用。',
        support_script:
          '查询量暂时超过了微信支付的频率限制，系统会自动排队重试，请稍等一两分钟，我们查到结果马上告诉您。',
        quote_to_wechatpay: zhQuoteAfter(RL.zh[0], 429, 'RATELIMIT_EXCEEDED', undefined, RL.zh[1]),
      },
      en: {
        title: 'Calling too often: the console retries by itself',
        what_happened:
          'WeChat Pay answered 429 RATELIMIT_EXCEEDED: calls came faster than allowed, so this request was not processed (nothing changed). It is the same problem as the items API’s FREQUENCY_LIMIT_EXCEED under the name other APIs (such as stock details) use. The console waits and retries by itself; if you see this message, the retries were still limited.',
        causes: [
          'Several large stocks are being scanned at once, or several people are looking stocks up.',
          'Other systems using the same merchant ID or outgoing IP address also call WeChat Pay.',
        ],
        operator_action:
          'Wait a minute or two and look again; there is no need to click repeatedly. If it happens often, run fewer scans at once, or ask the technical team which other systems call with the same merchant ID or from the same IP address.',
        support_script:
          'There are more lookups right now than WeChat Pay allows per minute. The system queues and retries by itself; please give us a minute or two and we will tell you the result.',
        quote_to_wechatpay: enQuoteAfter(RL.en[0], 429, 'RATELIMIT_EXCEEDED', RL.en[1]),
      },
    },
  },
];
