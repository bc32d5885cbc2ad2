import type { Explanation } from '../contract/explanation';
import { enQuoteAfter, NOT_FROM_THIS_LOOKUP as NOT, zhQuoteAfter } from './phrases';

/** Platform-wide answers with a known message: missing headers, no platform certificate. */
export const platformMessageErrors: Explanation[] = [
  {
    id: 'upstream.INVALID_REQUEST.missing_accept_or_user_agent',
    source: 'upstream',
    match: { status: 400, code: 'INVALID_REQUEST', message: 'Http头缺少Accept或User-Agent' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请求缺少必需的 HTTP 头（控制台的技术问题）',
        what_happened:
          '微信支付返回 400 INVALID_REQUEST“Http头缺少Accept或User-Agent”：请求里缺少 Accept 或 User-Agent 头。控制台的每个请求都会带上这两个头，所以出现这个提示，说明请求在途中被改动了，或控制台自身有缺陷。这与批次和商户号无关，重试也不会解决。',
        causes: [
          '控制台与微信支付之间的代理或网关删掉了 Accept 或 User-Agent 头',
          '控制台程序缺陷',
        ],
        operator_action:
          '请技术人员检查出口代理或网关是否会删改请求头，并把 Request-ID 和发生时间交给控制台的开发团队。',
        support_script:
          '这是我们系统向微信支付发送请求时的技术问题，与您的批次无关。我们已转给技术同事处理，修复后会重新查询并告诉您结果。',
        quote_to_wechatpay: zhQuoteAfter(
          '问题出在请求方（控制台或途中的代理），通常不需要联系微信支付。',
          400,
          'INVALID_REQUEST',
          'Http头缺少Accept或User-Agent',
        ),
      },
      en: {
        title: 'Request missing a required HTTP header (a technical problem of the console)',
        what_happened:
          'WeChat Pay answered 400 INVALID_REQUEST, saying the Accept or User-Agent header is missing. The console sends both with every request, so the request was changed on its way or the console has a bug. It has nothing to do with the stock or the merchant ID, and retrying will not help.',
        causes: [
          'A proxy or gateway between the console and WeChat Pay removed the Accept or User-Agent header.',
          'A bug in the console.',
        ],
        operator_action:
          'Ask the technical team to check whether an outgoing proxy or gateway strips request headers, and give the Request-ID and the time to the console’s developers.',
        support_script:
          'This is a technical problem with how our system sends requests to WeChat Pay; it has nothing to do with your stock. Our technical team is on it, and we will look again and tell you the result once it is fixed.',
        quote_to_wechatpay: enQuoteAfter(
          'The fault is on the calling side (the console or a proxy on the way), so there is usually no need to contact WeChat Pay.',
          400,
          'INVALID_REQUEST',
        ),
      },
    },
  },
  {
    id: 'upstream.RESOURCE_NOT_EXISTS.no_platform_certificate',
    source: 'upstream',
    // WeChat Pay's message goes on after these words; the lookup matches it by prefix.
    match: { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '无可用的平台证书' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '商户没有平台证书，需要改用微信支付公钥',
        what_happened: `微信支付返回 404 RESOURCE_NOT_EXISTS“无可用的平台证书”。${NOT.zh}它来自下载微信支付平台证书的接口（GET /v3/certificates）：控制台在“平台证书模式”下用它来核验微信支付的回复。近期注册的商户没有平台证书，只能用“微信支付公钥”核验。在配置好之前，控制台无法确认回复确实来自微信支付，所以不会显示查询结果。`,
        causes: [
          '商户是近期注册的，微信支付只为它提供微信支付公钥，不再提供平台证书',
          '控制台按平台证书模式配置，没有配置微信支付公钥',
        ],
        operator_action:
          '请管理员在商户平台“账户中心 › API安全”下载微信支付公钥，并记下公钥 ID（以 PUB_KEY_ID_ 开头），交给技术人员配置到控制台（公钥模式）。配置好后重新查询。',
        support_script:
          '我们的系统还没有配置好用来核验微信支付回复的公钥，所以暂时查不了。需要贵方管理员在商户平台下载“微信支付公钥”交给我们的技术同事配置，配置好后就能正常查询。',
        quote_to_wechatpay: zhQuoteAfter(
          '通常不需要联系微信支付：改用微信支付公钥即可解决。',
          404,
          'RESOURCE_NOT_EXISTS',
          '无可用的平台证书',
        ),
      },
      en: {
        title: 'No platform certificate: switch to the WeChat Pay public key',
        what_happened: `WeChat Pay answered 404 RESOURCE_NOT_EXISTS: no platform certificate is available. ${NOT.en} It comes from the platform certificate download (GET /v3/certificates), which the console uses in certificate mode to verify WeChat Pay’s answers. Recently registered merchants have no platform certificate and must verify with the WeChat Pay public key instead. Until that is configured, the console cannot prove answers come from WeChat Pay, so it shows no lookup results.`,
        causes: [
          'The merchant registered recently: WeChat Pay gives it a public key and no platform certificate.',
          'The console is configured for certificate mode and has no WeChat Pay public key.',
        ],
        operator_action:
          'Ask an administrator to download the WeChat Pay public key from the Merchant Platform (Account Center, API Security) and note its ID (starting with PUB_KEY_ID_), and have the technical team configure the console in public-key mode. Then look again.',
        support_script:
          'Our system is not yet set up with the key that proves answers come from WeChat Pay, so lookups cannot run for now. Your administrator needs to download the WeChat Pay public key from the Merchant Platform for our technical team to configure; after that, lookups will work.',
        quote_to_wechatpay: enQuoteAfter(
          'Usually there is no need to contact WeChat Pay: switching to the WeChat Pay public key solves it.',
          404,
          'RESOURCE_NOT_EXISTS',
        ),
      },
    },
  },
];
