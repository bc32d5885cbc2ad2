import type { Explanation } from '../contract/explanation';
import { enQuote, enQuoteAfter, RATE_LIMIT_QUOTE as RL, zhQuote, zhQuoteAfter } from './phrases';

/** The 404 and 429 rows of WeChat Pay's table. */
export const upstreamOtherErrors: Explanation[] = [
  {
    id: 'upstream.RESOURCE_NOT_EXISTS.stock_not_found',
    source: 'upstream',
    match: { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '找不到这个批次',
        what_happened:
          '微信支付提示“批次不存在”：按照填写的批次号和创建批次的商户号，微信支付没有找到对应的代金券批次。',
        causes: [
          '批次号输错或不完整',
          '批次不是由填写的商户号创建的（批次号必须属于“创建批次的商户号”）',
          '填的是商家券、立减或折扣活动的编号，而不是代金券批次号',
          '扫描很大的批次时，读到了商品编码列表末尾之后的页（此时前面已读取的结果仍然有效）',
        ],
        operator_action:
          '在商户平台“营销中心 › 代金券”的批次列表里复制完整的批次号，并核对创建批次的商户号，然后重新查询。如果这个提示出现在扫描的后续页、前面的页都已成功，说明已经读到列表末尾，控制台会停下并显示已读取的部分。',
        support_script:
          '微信支付提示没有找到这个批次。麻烦您在商户平台的代金券批次列表里复制完整的批次号，并告诉我们创建这个批次的商户号，我们重新查询。',
        quote_to_wechatpay: zhQuote(
          404,
          'RESOURCE_NOT_EXISTS',
          '批次不存在',
          '请同时说明创建批次的商户号；如果出现在扫描的后续页，再说明出错那页的 offset 和 limit。',
        ),
      },
      en: {
        title: 'Stock not found',
        what_happened:
          'WeChat Pay said the stock does not exist: it found no voucher stock with the stock ID under the creator merchant ID entered.',
        causes: [
          'The stock ID was mistyped or is incomplete.',
          'The stock was not created by the merchant ID entered (a stock ID must belong to its creator merchant ID).',
          'The number is that of a merchant coupon, instant-discount or percentage-discount activity, not a voucher stock.',
          'While scanning a very large stock, the console read a page past the end of the product-code list (the pages read before it are still valid).',
        ],
        operator_action:
          'Copy the full stock ID from the voucher stock list in the Merchant Platform (Marketing Center, Vouchers), check the creator merchant ID, and look it up again. If this appears on a later page of a scan after earlier pages succeeded, the scan has reached the end of the list; the console stops there and shows what it read.',
        support_script:
          'WeChat Pay cannot find this stock. Could you copy the full stock ID from the voucher stock list in your Merchant Platform and tell us which merchant ID created it? We will look it up again.',
        quote_to_wechatpay: enQuote(
          404,
          'RESOURCE_NOT_EXISTS',
          'Also give the creator merchant ID and, if it happened on a later page of a scan, that page’s offset and limit.',
        ),
      },
    },
  },
  {
    id: 'upstream.FREQUENCY_LIMIT_EXCEED.rate_limited',
    source: 'upstream',
    match: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED', message: '接口限频' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '查询太频繁，控制台会自动稍后重试',
        what_happened:
          '微信支付提示“接口限频”：短时间内的查询次数超过了微信支付的限制，这次请求没有被处理（没有任何副作用）。这个接口每个商户号每分钟最多 1000 次，同一个 IP 每分钟最多 200 次。控制台会自动等待后重试，并把查询速度控制在这两个限制以内；看到这条提示，说明重试后仍然超限。',
        causes: [
          '同时在扫描多个大批次，或多人同时查询',
          '与控制台共用同一个出口 IP 的其他系统也在调用这个接口',
          '同一商户号下的其他系统也在调用这个接口',
        ],
        operator_action:
          '稍等一两分钟再查询，不需要反复点击。如果经常出现，请减少同时进行的扫描，或请技术人员检查同一商户号、同一出口 IP 下是否还有其他系统在调用这个接口。',
        support_script:
          '查询量暂时超过了微信支付的频率限制，系统会自动排队重试，请稍等一两分钟，我们查到结果马上告诉您。',
        quote_to_wechatpay: zhQuoteAfter(
          RL.zh[0],
          429,
          'FREQUENCY_LIMIT_EXCEED',
          '接口限频',
          RL.zh[1],
        ),
      },
      en: {
        title: 'Too many lookups: the console retries by itself',
        what_happened:
          'WeChat Pay said the API rate limit was hit: too many calls in a short time, so this request was not processed (nothing changed). This API allows 1000 calls a minute per merchant and 200 a minute from one IP address. The console waits and retries by itself and paces its calls under both limits; if you see this message, the retries were still limited.',
        causes: [
          'Several large stocks are being scanned at once, or several people are looking stocks up.',
          'Other systems sharing the console’s outgoing IP address call this API too.',
          'Other systems of the same merchant ID call this API too.',
        ],
        operator_action:
          'Wait a minute or two and look again; there is no need to click repeatedly. If it happens often, run fewer scans at once, or ask the technical team to check which other systems call this API with the same merchant ID or from the same IP address.',
        support_script:
          'There are more lookups right now than WeChat Pay allows per minute. The system queues and retries by itself; please give us a minute or two and we will tell you the result.',
        quote_to_wechatpay: enQuoteAfter(RL.en[0], 429, 'FREQUENCY_LIMIT_EXCEED', RL.en[1]),
      },
    },
  },
];
