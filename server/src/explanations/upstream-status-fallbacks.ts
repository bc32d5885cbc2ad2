import type { Explanation } from '../contract/explanation';
import { enQuote, enQuoteAfter, RATE_LIMIT_QUOTE as RL, zhQuote, zhQuoteAfter } from './phrases';

// For answers whose code we do not know or could not read (a proxy's HTML page, a new code):
// the HTTP status still says whether to fix something or wait. 'upstream.status.5xx' covers
// every status from 500 to 599.

/** Generic entries per HTTP status, and the last resort for anything else. */
export const upstreamStatusFallbacks: Explanation[] = [
  {
    id: 'upstream.status.400',
    source: 'upstream',
    match: { status: 400 },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付认为请求有误',
        what_happened:
          '微信支付返回 HTTP 400，但没有给出控制台认识的错误码。400 表示请求的参数或格式有问题，请求没有被处理，原样重试不会成功。',
        causes: [
          '批次号或创建批次的商户号不正确',
          '某个参数超出了允许的范围',
          '请求在途中被代理或网关改动',
        ],
        operator_action:
          '核对批次号和创建批次的商户号后重新查询；仍然出现时，把 Request-ID 和错误详情交给技术人员。',
        support_script:
          '微信支付提示这次查询的内容有误。麻烦您再确认一下批次号和创建批次的商户号，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(400, ''),
      },
      en: {
        title: 'WeChat Pay found the request faulty',
        what_happened:
          'WeChat Pay answered HTTP 400 without an error code the console knows. A 400 means a parameter or the request format is wrong; the request was not processed and sending it again unchanged will not help.',
        causes: [
          'The stock ID or creator merchant ID is wrong.',
          'A parameter is outside its allowed range.',
          'A proxy or gateway changed the request on its way.',
        ],
        operator_action:
          'Check the stock ID and creator merchant ID and look again. If it remains, give the Request-ID and the error details to the technical team.',
        support_script:
          'WeChat Pay says something in our lookup is wrong. Could you confirm the stock ID and the merchant ID that created it? We will check and look again.',
        quote_to_wechatpay: enQuote(400, ''),
      },
    },
  },
  {
    id: 'upstream.status.401',
    source: 'upstream',
    match: { status: 401 },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付没有通过控制台的身份验证',
        what_happened:
          '微信支付返回 HTTP 401：它没能确认请求来自本商户，拒绝处理。通常是控制台服务器时钟不准，或商户 API 私钥、证书序列号配置有误。配置改正之前，重试不会成功。',
        causes: [
          '控制台服务器时间与标准时间相差超过 5 分钟',
          '商户 API 证书已更换，控制台仍在用旧的私钥或证书序列号',
          '配置的商户号、证书序列号和私钥不属于同一套',
        ],
        operator_action:
          '请技术人员检查服务器时间（开启 NTP 同步），并在商户平台“账户中心 › API安全”核对商户 API 证书序列号与控制台使用的私钥是否对应。',
        support_script:
          '我们的系统向微信支付发起查询时身份校验没有通过，这是我们这边的配置问题，与您的批次无关。我们会尽快处理，处理好后重新查询并告诉您结果。',
        quote_to_wechatpay: zhQuote(401, '', undefined, '切勿提供商户私钥或 APIv3 密钥。'),
      },
      en: {
        title: 'WeChat Pay did not accept the console’s credentials',
        what_happened:
          'WeChat Pay answered HTTP 401: it could not confirm the request came from this merchant and refused it. Usually the console server’s clock is off, or the merchant API private key or certificate serial is misconfigured. Retrying will not help until that is fixed.',
        causes: [
          'The console server’s clock is more than 5 minutes off.',
          'The merchant API certificate was replaced and the console still uses the old private key or serial.',
          'The configured merchant ID, certificate serial and private key are not one matching set.',
        ],
        operator_action:
          'Ask the technical team to check the server clock (NTP synchronisation) and that the merchant API certificate serial in the Merchant Platform (Account Center, API Security) matches the private key the console uses.',
        support_script:
          'Our system’s request to WeChat Pay failed its identity check. This is a configuration problem on our side and has nothing to do with your stock; we will fix it as soon as possible, look again and tell you the result.',
        quote_to_wechatpay: enQuote(
          401,
          '',
          'Never give out the merchant private key or the APIv3 key.',
        ),
      },
    },
  },
  {
    id: 'upstream.status.403',
    source: 'upstream',
    match: { status: 403 },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付拒绝了请求（权限不足）',
        what_happened:
          '微信支付返回 HTTP 403：请求被拒绝，通常是商户号没有相应权限，或批次不属于这个商户号。不解决权限问题，重试不会成功。',
        causes: [
          '控制台使用的商户号没有开通代金券',
          '批次不是由填写的商户号创建的，也没有授权给它',
        ],
        operator_action:
          '请管理员确认商户号已开通代金券，并核对批次号和创建批次的商户号，然后重新查询。',
        support_script:
          '微信支付拒绝了这次查询，通常是商户号权限或批次归属的问题。麻烦您确认这个批次是哪个商户号创建的，以及贵方是否已开通代金券，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(403, ''),
      },
      en: {
        title: 'WeChat Pay refused the request (no permission)',
        what_happened:
          'WeChat Pay answered HTTP 403: the request was refused, usually because the merchant ID lacks a permission or the stock does not belong to it. Retrying will not help until the permission is sorted out.',
        causes: [
          'The merchant ID the console uses has not enabled Vouchers.',
          'The stock was not created by, nor authorised to, the merchant ID entered.',
        ],
        operator_action:
          'Ask an administrator to confirm the merchant ID has Vouchers enabled, check the stock ID and creator merchant ID, and look again.',
        support_script:
          'WeChat Pay refused our lookup, usually because of the merchant ID’s permissions or who owns the stock. Could you confirm which merchant ID created this stock and whether Vouchers is enabled for you? We will check and look again.',
        quote_to_wechatpay: enQuote(403, ''),
      },
    },
  },
  {
    id: 'upstream.status.404',
    source: 'upstream',
    match: { status: 404 },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付找不到请求的内容',
        what_happened:
          '微信支付返回 HTTP 404：请求的内容不存在。通常是批次号或创建批次的商户号不对；出现在扫描的后续页时，一般表示已经读过了列表末尾。',
        causes: [
          '批次号或创建批次的商户号不正确',
          '扫描时读到了列表末尾之后的页',
          '控制台配置的微信支付接口地址不正确',
        ],
        operator_action:
          '核对批次号和创建批次的商户号后重新查询。所有批次都查不到时，请技术人员检查控制台配置的微信支付接口地址。',
        support_script:
          '微信支付提示找不到我们查询的内容。麻烦您再确认一下批次号和创建批次的商户号，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(404, ''),
      },
      en: {
        title: 'WeChat Pay cannot find what was asked for',
        what_happened:
          'WeChat Pay answered HTTP 404: what the request asked for does not exist. Usually the stock ID or creator merchant ID is wrong; on a later page of a scan it usually means the scan went past the end of the list.',
        causes: [
          'The stock ID or creator merchant ID is wrong.',
          'A scan asked for a page past the end of the list.',
          'The WeChat Pay address configured in the console is wrong.',
        ],
        operator_action:
          'Check the stock ID and creator merchant ID and look again. If no stock can be found at all, ask the technical team to check the WeChat Pay address configured in the console.',
        support_script:
          'WeChat Pay cannot find what we looked up. Could you confirm the stock ID and the merchant ID that created it? We will check and look again.',
        quote_to_wechatpay: enQuote(404, ''),
      },
    },
  },
  {
    id: 'upstream.status.429',
    source: 'upstream',
    match: { status: 429 },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '调用太频繁，控制台会自动稍后重试',
        what_happened:
          '微信支付返回 HTTP 429：调用频率超过了限制，这次请求没有被处理。控制台会自动等待后重试；看到这条提示，说明重试后仍然超限。',
        causes: [
          '同时进行的扫描或查询太多',
          '同一商户号或同一出口 IP 下的其他系统也在调用微信支付',
        ],
        operator_action: '稍等一两分钟再查询，不需要反复点击。经常出现时，请减少同时进行的扫描。',
        support_script:
          '查询量暂时超过了微信支付的频率限制，系统会自动排队重试，请稍等一两分钟，我们查到结果马上告诉您。',
        quote_to_wechatpay: zhQuoteAfter(RL.zh[0], 429, '', undefined, RL.zh[1]),
      },
      en: {
        title: 'Calling too often: the console retries by itself',
        what_happened:
          'WeChat Pay answered HTTP 429: calls came faster than allowed, so this request was not processed. The console waits and retries by itself; if you see this message, the retries were still limited.',
        causes: [
          'Too many scans or lookups at once.',
          'Other systems using the same merchant ID or outgoing IP address also call WeChat Pay.',
        ],
        operator_action:
          'Wait a minute or two and look again; there is no need to click repeatedly. If it happens often, run fewer scans at once.',
        support_script:
          'There are more lookups right now than WeChat Pay allows per minute. The system queues and retries by itself; please give us a minute or two and we will tell you the result.',
        quote_to_wechatpay: enQuoteAfter(RL.en[0], 429, '', RL.en[1]),
      },
    },
  },
  {
    id: 'upstream.status.5xx',
    source: 'upstream',
    match: { status: 500 },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付服务异常',
        what_happened:
          '微信支付（或通往它的网关）返回了 5xx 错误：服务端临时出了问题，这次请求没有正常完成。这与您的操作和批次无关。控制台会自动重试；看到这条提示，说明几次重试都没有成功。',
        causes: ['微信支付系统临时故障、繁忙或维护', '通往微信支付的网关或代理暂时异常'],
        operator_action:
          '过几分钟再查询。查询是只读的，重试不会产生任何重复操作。持续失败时，请联系微信支付。',
        support_script:
          '微信支付那边暂时出了问题，查询没有完成，与您的批次无关。我们过几分钟再查一次，有结果马上告诉您。',
        quote_to_wechatpay: zhQuote(undefined, '', undefined, '请说明实际的 HTTP 状态码。'),
      },
      en: {
        title: 'WeChat Pay server error',
        what_happened:
          'WeChat Pay (or a gateway on the way to it) answered with a 5xx error: something failed on the server side and the request did not complete. It has nothing to do with what you did or with the stock. The console retries by itself; if you see this message, those retries failed too.',
        causes: [
          'A temporary failure, overload or maintenance at WeChat Pay.',
          'A gateway or proxy on the way to WeChat Pay is temporarily failing.',
        ],
        operator_action:
          'Look again in a few minutes. Lookups only read, so retrying never does anything twice. If it keeps failing, contact WeChat Pay.',
        support_script:
          'WeChat Pay had a temporary problem and our lookup did not complete; it has nothing to do with your stock. We will try again in a few minutes and tell you the result.',
        quote_to_wechatpay: enQuote(undefined, '', 'Say which HTTP status it was.'),
      },
    },
  },
  {
    id: 'upstream.unknown',
    source: 'upstream',
    match: {},
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '无法识别的错误',
        what_happened:
          '查询没有成功，控制台也无法识别返回的错误，因此不能确定原因。错误详情中保留了原始内容（包括状态码、错误码和描述，如果有的话）。',
        causes: [
          '微信支付返回了控制台还不认识的新错误',
          '请求被中间的代理或网关拦截，返回了非微信支付的内容',
        ],
        operator_action:
          '先重新查询一次。仍然失败时，把错误详情、Request-ID（如果有）和发生时间交给技术人员。',
        support_script:
          '查询暂时没有成功，我们需要技术同事看一下具体原因。我们会尽快处理，有结果马上告诉您。',
        quote_to_wechatpay: zhQuote(undefined, ''),
      },
      en: {
        title: 'Unrecognised error',
        what_happened:
          'The lookup failed and the console does not recognise the error it got, so it cannot tell why. The error details keep the raw answer (status, code and message when there were any).',
        causes: [
          'WeChat Pay answered with an error the console does not know yet.',
          'A proxy or gateway on the way intercepted the request and answered instead of WeChat Pay.',
        ],
        operator_action:
          'Look again once. If it still fails, give the error details, the Request-ID (if any) and the time to the technical team.',
        support_script:
          'Our lookup did not succeed and our technical team needs to look at why. We will handle it as soon as possible and tell you the result.',
        quote_to_wechatpay: enQuote(undefined, ''),
      },
    },
  },
];
