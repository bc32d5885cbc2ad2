import type { Explanation } from '../contract/explanation';
import { UNPROVEN } from './phrases';

// A 2xx carries the Request-ID and Wechatpay-Serial headers even when its signature fails:
// both let WeChat Pay find the answer it sent, and tell it apart from one forged on the way.
const QUOTE = {
  zh: '请先按上面的步骤检查控制台配置和服务器时间，多数情况是控制台这边的配置问题。确认无误后再联系微信支付，并提供：Request-ID（见错误详情，如有）、回复中的 Wechatpay-Serial、商户号、批次号和发生时间（北京时间，精确到秒）。切勿提供商户私钥或 APIv3 密钥。',
  en: 'First check the console configuration and the server clock as described above: most cases are a configuration problem on the console’s side. If everything is right, contact WeChat Pay with the Request-ID (in the error details, if any), the Wechatpay-Serial of the answer, the merchant ID, the stock ID and the time (Beijing time, to the second). Never give out the merchant private key or the APIv3 key.',
} as const;

// A malformed answer is about its content: the proxy and the raw body matter, not the clock.
const MALFORMED_QUOTE = {
  zh: '请先按上面的步骤排查出口代理。确认回复在途中没有被改动后再联系微信支付，并提供：Request-ID（见错误详情）、商户号、批次号、发生时间（北京时间，精确到秒），以及错误详情中的原始描述。',
  en: 'First check the outgoing proxy as described above. Once you are sure the answer was not changed on its way, contact WeChat Pay with the Request-ID (in the error details), the merchant ID, the stock ID, the time (Beijing time, to the second) and the raw description from the error details.',
} as const;

/** Answers that failed verification: never shown, never retried. */
export const clientSignatureErrors: Explanation[] = [
  {
    id: 'client.response_unsigned',
    source: 'client',
    match: { code: 'response_unsigned' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '回复没有微信支付的签名，数据未显示',
        what_happened: `收到的回复缺少微信支付的签名信息（Wechatpay-Timestamp、Wechatpay-Nonce、Wechatpay-Signature、Wechatpay-Serial 四个头中至少缺一个）。${UNPROVEN.zh}`,
        causes: [
          '控制台配置的微信支付接口地址不对，回复并非来自微信支付',
          '出口代理或网关删掉了这些头，或者代替微信支付作出了回复（例如需要登录的公司网络）',
        ],
        operator_action:
          '请技术人员检查：控制台配置的微信支付接口地址是否为 https://api.mch.weixin.qq.com（或其备用域名）；出口代理或网关是否会删改响应头、或拦截 HTTPS 请求。',
        support_script:
          '为了保证结果准确，我们只显示能证明来自微信支付的数据。这次收到的回复无法核验，所以暂时不能给您结果。技术同事会检查网络配置，处理好后我们重新查询。',
        quote_to_wechatpay: QUOTE.zh,
      },
      en: {
        title: 'Answer not signed by WeChat Pay: data not shown',
        what_happened: `The answer lacked WeChat Pay’s signature headers (at least one of Wechatpay-Timestamp, Wechatpay-Nonce, Wechatpay-Signature and Wechatpay-Serial was missing). ${UNPROVEN.en}`,
        causes: [
          'The WeChat Pay address configured in the console is wrong, so the answer did not come from WeChat Pay.',
          'An outgoing proxy or gateway removed these headers, or answered in WeChat Pay’s place (a network that requires a sign-in page, say).',
        ],
        operator_action:
          'Ask the technical team to check that the WeChat Pay address configured in the console is https://api.mch.weixin.qq.com (or its backup domain), and whether an outgoing proxy or gateway alters response headers or intercepts HTTPS.',
        support_script:
          'To keep results accurate we only show data we can prove comes from WeChat Pay. The answer we got could not be checked, so we cannot give you a result yet. Our technical team will check the network setup and we will look again once it is fixed.',
        quote_to_wechatpay: QUOTE.en,
      },
    },
  },
  {
    id: 'client.bad_signature',
    source: 'client',
    match: { code: 'bad_signature' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '回复的签名验证失败，数据未显示',
        what_happened: `回复带有签名，但用控制台配置的微信支付公钥（或平台证书）验证没有通过：要么回复在途中被改动，要么控制台配置的公钥不对。${UNPROVEN.zh}`,
        causes: [
          '控制台配置的微信支付公钥不是本商户的（例如用了其他商户或测试环境的公钥），或平台证书已过期',
          '出口代理或网关改动了回复内容（例如重新编码或压缩）',
          '微信支付偶尔会故意发送测试签名（以 WECHATPAY/SIGNTEST/ 开头），检查商户是否做了验签；控制台拒绝它是正确的，只偶尔出现一次且之后查询正常时可以忽略',
        ],
        operator_action:
          '请技术人员检查：控制台配置的微信支付公钥及公钥 ID，是否与商户平台“账户中心 › API安全”中显示的一致；使用平台证书的，证书是否已更新且 APIv3 密钥正确；出口代理是否会改动响应内容。',
        support_script:
          '为了保证结果准确，我们只显示能证明来自微信支付的数据。这次的回复没有通过核验，所以暂时不能给您结果。技术同事会检查配置，处理好后我们重新查询。',
        quote_to_wechatpay: QUOTE.zh,
      },
      en: {
        title: 'Answer failed signature verification: data not shown',
        what_happened: `The answer was signed, but the signature did not verify with the WeChat Pay public key (or platform certificate) configured in the console: either the answer was changed on its way, or the configured key is wrong. ${UNPROVEN.en}`,
        causes: [
          'The WeChat Pay public key configured in the console is not this merchant’s (another merchant’s or a test key, say), or the platform certificate has expired.',
          'An outgoing proxy or gateway changed the answer (re-encoded or compressed it, say).',
          'WeChat Pay now and then sends a deliberate test signature (starting WECHATPAY/SIGNTEST/) to check that merchants verify; rejecting it is right, and a single occurrence followed by normal lookups can be ignored.',
        ],
        operator_action:
          'Ask the technical team to check that the WeChat Pay public key and its ID in the console match those in the Merchant Platform (Account Center, API Security); in certificate mode, that the certificates are current and the APIv3 key is right; and that no outgoing proxy changes response bodies.',
        support_script:
          'To keep results accurate we only show data we can prove comes from WeChat Pay. This answer failed that check, so we cannot give you a result yet. Our technical team will check the setup and we will look again once it is fixed.',
        quote_to_wechatpay: QUOTE.en,
      },
    },
  },
  {
    id: 'client.unknown_serial',
    source: 'client',
    match: { code: 'unknown_serial' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '回复使用了控制台不认识的密钥，数据未显示',
        what_happened: `回复注明它是用某个公钥或平台证书签名的（Wechatpay-Serial），但控制台没有配置这个公钥，也没有这张证书，所以无法验证。控制台已尝试重新下载平台证书，仍然找不到。${UNPROVEN.zh}`,
        causes: [
          '商户正在从“平台证书”切换到“微信支付公钥”（或反过来），控制台只配置了其中一种',
          '控制台配置的公钥 ID 与商户平台中的不一致',
          '平台证书已轮换，而控制台无法下载新证书（例如 APIv3 密钥不正确）',
        ],
        operator_action:
          '请技术人员对照错误详情中的 Wechatpay-Serial：以 PUB_KEY_ID_ 开头的，在商户平台“账户中心 › API安全”下载微信支付公钥，配置对应的公钥和公钥 ID；否则是平台证书序列号，请检查证书下载是否正常、APIv3 密钥是否正确。迁移期间两种可以同时配置。',
        support_script:
          '为了保证结果准确，我们只显示能证明来自微信支付的数据。微信支付这次用了我们系统还没配置的密钥签名，暂时无法核验，所以不能给您结果。技术同事会更新配置，处理好后我们重新查询。',
        quote_to_wechatpay: QUOTE.zh,
      },
      en: {
        title: 'Answer signed with a key the console does not know: data not shown',
        what_happened: `The answer says which public key or platform certificate signed it (Wechatpay-Serial), but the console has no such key or certificate configured, so it cannot verify it. The console already tried downloading the platform certificates again and still did not find it. ${UNPROVEN.en}`,
        causes: [
          'The merchant is moving from platform certificates to the WeChat Pay public key (or back), and the console is configured for only one of them.',
          'The public key ID configured in the console differs from the one in the Merchant Platform.',
          'The platform certificate was rotated and the console cannot download the new one (a wrong APIv3 key, say).',
        ],
        operator_action:
          'Ask the technical team to look at the Wechatpay-Serial in the error details. If it starts with PUB_KEY_ID_, download the WeChat Pay public key from the Merchant Platform (Account Center, API Security) and configure that key and ID; otherwise it is a platform certificate serial: check the certificate download works and the APIv3 key is right. Both can be configured at once during a migration.',
        support_script:
          'To keep results accurate we only show data we can prove comes from WeChat Pay. WeChat Pay signed this answer with a key our system is not set up for yet, so we cannot check it or give you a result. Our technical team will update the setup and we will look again once it is done.',
        quote_to_wechatpay: QUOTE.en,
      },
    },
  },
  {
    id: 'client.stale_timestamp',
    source: 'client',
    match: { code: 'stale_timestamp' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '回复的时间与服务器时钟相差太大，数据未显示',
        what_happened: `回复上的时间（Wechatpay-Timestamp）与控制台服务器的时钟相差超过 5 分钟。为防止旧的回复被重放，控制台不接受这样的回复。${UNPROVEN.zh}`,
        causes: [
          '控制台服务器的系统时间不准（最常见），例如没有开启 NTP 时间同步',
          '中间的代理或缓存返回了很久以前保存的回复',
        ],
        operator_action:
          '请技术人员检查控制台服务器的时间和时区设置，开启 NTP 时间同步；服务器时间不准时，发出的请求也可能被微信支付以签名错误拒绝。同时确认出口代理没有缓存微信支付的回复。',
        support_script:
          '为了保证结果准确，我们只显示能证明来自微信支付的数据。这次回复上的时间和我们服务器的时间对不上，无法核验，所以暂时不能给您结果。技术同事会校准服务器时间，处理好后我们重新查询。',
        quote_to_wechatpay: QUOTE.zh,
      },
      en: {
        title: 'Answer’s time too far from the server clock: data not shown',
        what_happened: `The time on the answer (Wechatpay-Timestamp) is more than 5 minutes away from the console server’s clock. To stop old answers being replayed, the console does not accept such answers. ${UNPROVEN.en}`,
        causes: [
          'The console server’s clock is wrong (the usual cause), for example without NTP synchronisation.',
          'A proxy or cache on the way served an answer stored long ago.',
        ],
        operator_action:
          'Ask the technical team to check the console server’s time and time zone and turn on NTP synchronisation; with a wrong clock WeChat Pay may also reject our requests as badly signed. Also make sure no outgoing proxy caches WeChat Pay’s answers.',
        support_script:
          'To keep results accurate we only show data we can prove comes from WeChat Pay. This time the answer’s time did not match our server’s clock, so we could not check it and cannot give you a result yet. Our technical team will correct the server clock and we will look again once it is done.',
        quote_to_wechatpay: QUOTE.en,
      },
    },
  },
  {
    id: 'client.malformed_response',
    source: 'client',
    match: { code: 'malformed_response' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '回复内容不完整或格式不对，数据未显示',
        what_happened:
          '回复的内容无法按微信支付的接口定义读取：可能被截断、不是 JSON，或数据自相矛盾（例如同一页里有重复的商品编码、条数超过每页上限）。控制台无法确认这是微信支付给出的完整、正确的结果，为避免显示错误的适用商品，没有显示其中的数据。重试不能解决这个问题，控制台也不会自动重试。',
        causes: [
          '出口代理或网关截断、改写了回复内容',
          '微信支付调整了接口的返回格式，控制台需要更新',
          '微信支付返回了异常数据',
        ],
        operator_action:
          '请技术人员查看错误详情中的原始描述，检查出口代理是否会改动响应内容；如果其他批次也都出现，可能是接口格式有变化，请把 Request-ID 交给控制台的开发团队。',
        support_script:
          '为了保证结果准确，我们只显示经过核验、内容完整的数据。这次微信支付的回复内容不完整，所以暂时不能给您结果。技术同事会排查，处理好后我们重新查询。',
        quote_to_wechatpay: MALFORMED_QUOTE.zh,
      },
      en: {
        title: 'Answer incomplete or malformed: data not shown',
        what_happened:
          'The answer could not be read as WeChat Pay’s API defines it: it may be cut short, not be JSON, or contradict itself (the same product code twice in one page, or more codes than the page size, say). The console cannot be sure this is a complete and correct result from WeChat Pay, so to avoid showing the wrong products it shows none of the data. Retrying will not help, and the console does not retry it.',
        causes: [
          'An outgoing proxy or gateway cut short or rewrote the answer.',
          'WeChat Pay changed the format of its answer and the console needs an update.',
          'WeChat Pay sent faulty data.',
        ],
        operator_action:
          'Ask the technical team to read the raw description in the error details and check whether an outgoing proxy changes response bodies. If every stock shows this, the API format may have changed: give the Request-ID to the console’s developers.',
        support_script:
          'To keep results accurate we only show complete, verified data. WeChat Pay’s answer this time was incomplete, so we cannot give you a result yet. Our technical team will look into it and we will look again once it is fixed.',
        quote_to_wechatpay: MALFORMED_QUOTE.en,
      },
    },
  },
];
