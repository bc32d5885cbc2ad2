import type { Explanation } from '../contract/explanation';
import { enQuote, enQuoteAfter, RATE_LIMIT_QUOTE as RL, zhQuote, zhQuoteAfter } from './phrases';

// One entry per code for messages the table does not list (WeChat Pay rewords them, and the
// same code carries many messages). The message itself is shown beside the explanation.

/** Generic entries for the codes this lookup can receive, whatever the message. */
export const upstreamCodeFallbacks: Explanation[] = [
  {
    id: 'upstream.PARAM_ERROR',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '查询参数有误',
        what_happened:
          '微信支付返回 PARAM_ERROR：请求中的某个参数不符合要求，请求没有被处理。错误详情里微信支付的描述说明了是哪个参数。这个查询只用到四个参数：批次号、创建批次的商户号、页码（最大 500）和每页条数（最大 100）。原样重试不会成功。',
        causes: [
          '批次号或创建批次的商户号格式不对，例如带了空格或超过 20 个字符',
          '页码超过 500，或每页条数超过 100',
          '批次不是代金券（立减、折扣批次不支持这个查询）',
        ],
        operator_action:
          '对照错误详情中的描述检查对应的参数，改正后重新查询。看不懂描述时，把 Request-ID 和描述交给技术人员。',
        support_script:
          '微信支付提示查询参数有误。麻烦您从商户平台重新复制批次号和创建批次的商户号发给我们，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(
          400,
          'PARAM_ERROR',
          undefined,
          '并附上微信支付返回的原始描述。',
        ),
      },
      en: {
        title: 'A lookup parameter was rejected',
        what_happened:
          'WeChat Pay answered PARAM_ERROR: a parameter of the request did not meet its rules and the request was not processed. WeChat Pay’s message in the error details names the parameter. This lookup has only four: the stock ID, the creator merchant ID, the page offset (at most 500) and the page size (at most 100). Sending the same request again will not help.',
        causes: [
          'The stock ID or creator merchant ID is malformed, for example with spaces or longer than 20 characters.',
          'The page offset is over 500, or the page size over 100.',
          'The stock is not a voucher stock (discount stocks are not supported by this lookup).',
        ],
        operator_action:
          'Check the parameter WeChat Pay’s message names, correct it and look again. If the message is unclear, give it and the Request-ID to the technical team.',
        support_script:
          'WeChat Pay did not accept a detail of our lookup. Could you copy the stock ID and the creator merchant ID again from your Merchant Platform and send them to us? We will check and look again.',
        quote_to_wechatpay: enQuote(400, 'PARAM_ERROR'),
      },
    },
  },
  {
    id: 'upstream.INVALID_REQUEST',
    source: 'upstream',
    match: { status: 400, code: 'INVALID_REQUEST' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请求不符合微信支付的业务规则',
        what_happened:
          '微信支付返回 INVALID_REQUEST：参数格式没有问题，但请求不符合它的业务规则，例如批次状态不对或商户号与批次对不上，请求没有被处理。具体原因见错误详情中的描述。不做修改直接重试不会成功。',
        causes: [
          '批次已结束、未激活，或当前状态不允许查询',
          '商户号与批次不匹配',
          '请求的格式或请求头不被接受',
        ],
        operator_action:
          '根据错误详情中的描述检查批次状态和商户号，改正后重新查询。描述看不懂时，把 Request-ID 和描述交给技术人员。',
        support_script:
          '微信支付提示这次查询不符合它的规则，通常与批次状态或商户号有关。麻烦您确认批次是否在进行中、批次号和创建批次的商户号是否正确，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(
          400,
          'INVALID_REQUEST',
          undefined,
          '并附上微信支付返回的原始描述。',
        ),
      },
      en: {
        title: 'Request breaks one of WeChat Pay’s business rules',
        what_happened:
          'WeChat Pay answered INVALID_REQUEST: the parameters are well formed but the request breaks a business rule, such as the stock’s status or the merchant ID not matching the stock, so it was not processed. WeChat Pay’s message in the error details says which. Retrying without changing anything will not help.',
        causes: [
          'The stock has ended, is not activated, or its status does not allow lookups.',
          'The merchant ID does not match the stock.',
          'The request format or a request header was not accepted.',
        ],
        operator_action:
          'Check the stock’s status and the merchant IDs against WeChat Pay’s message, correct them and look again. If the message is unclear, give it and the Request-ID to the technical team.',
        support_script:
          'WeChat Pay says our lookup breaks one of its rules, usually about the stock’s status or the merchant ID. Could you confirm the stock is running and that the stock ID and creator merchant ID are right? We will check and look again.',
        quote_to_wechatpay: enQuote(400, 'INVALID_REQUEST'),
      },
    },
  },
  {
    id: 'upstream.MCH_NOT_EXISTS',
    source: 'upstream',
    match: { status: 400, code: 'MCH_NOT_EXISTS' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '商户号不存在或不正确',
        what_happened:
          '微信支付返回 MCH_NOT_EXISTS：它找不到请求中的商户号。在本查询中，通常是创建批次的商户号填错了。',
        causes: ['创建批次的商户号输错或位数不对', '填成了其他编号，例如批次号或 AppID'],
        operator_action:
          '核对创建批次的商户号（登录商户平台后在“账户中心 › 商户信息”中可以看到），改正后重新查询。',
        support_script:
          '微信支付提示找不到我们查询时使用的商户号。麻烦您把创建这个批次的商户号核对后发给我们，我们重新查询。',
        quote_to_wechatpay: zhQuote(
          400,
          'MCH_NOT_EXISTS',
          undefined,
          '并附上微信支付返回的原始描述。',
        ),
      },
      en: {
        title: 'Merchant ID not found',
        what_happened:
          'WeChat Pay answered MCH_NOT_EXISTS: it cannot find the merchant ID in the request. In this lookup it is usually the creator merchant ID that was mistyped.',
        causes: [
          'The creator merchant ID was mistyped or has the wrong number of digits.',
          'Another number was entered instead, such as the stock ID or an AppID.',
        ],
        operator_action:
          'Check the creator merchant ID (shown in the Merchant Platform under Account Center, Merchant Information), correct it and look again.',
        support_script:
          'WeChat Pay cannot find the merchant ID we looked the stock up with. Could you check the merchant ID that created this stock and send it to us? We will look again.',
        quote_to_wechatpay: enQuote(400, 'MCH_NOT_EXISTS'),
      },
    },
  },
  {
    id: 'upstream.REQUEST_BLOCKED',
    source: 'upstream',
    match: { status: 403, code: 'REQUEST_BLOCKED' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请求被微信支付拦截',
        what_happened:
          '微信支付返回 REQUEST_BLOCKED：请求本身没问题，但商户或批次的权限不允许这样做，被拦截了。在本查询中，最常见的原因是商户号没有开通代金券，或这个批次不属于（也没有授权给）这个商户号。具体原因见错误详情中的描述。',
        causes: [
          '控制台使用的商户号没有开通代金券',
          '批次不是由填写的商户号创建的，也没有授权给它',
        ],
        operator_action:
          '根据错误详情中的描述处理：权限问题请管理员在商户平台开通代金券；批次归属问题请核对批次号和创建批次的商户号。改正后重新查询。',
        support_script:
          '微信支付拦截了这次查询，通常是商户号权限或批次归属的问题。麻烦您确认这个批次是哪个商户号创建的，以及贵方是否已开通代金券，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(
          403,
          'REQUEST_BLOCKED',
          undefined,
          '并附上微信支付返回的原始描述。',
        ),
      },
      en: {
        title: 'Request blocked by WeChat Pay',
        what_happened:
          'WeChat Pay answered REQUEST_BLOCKED: the request itself is fine, but the merchant’s or the stock’s permissions do not allow it. In this lookup the usual reasons are that the merchant ID has not enabled Vouchers, or that the stock does not belong (and was not authorised) to it. WeChat Pay’s message in the error details says which.',
        causes: [
          'The merchant ID the console uses has not enabled Vouchers.',
          'The stock was not created by, nor authorised to, the merchant ID entered.',
        ],
        operator_action:
          'Act on WeChat Pay’s message: for a permission problem, an administrator enables Vouchers in the Merchant Platform; for ownership, check the stock ID and creator merchant ID. Then look again.',
        support_script:
          'WeChat Pay blocked our lookup, usually because of the merchant ID’s permissions or who owns the stock. Could you confirm which merchant ID created this stock and whether Vouchers is enabled for you? We will check and look again.',
        quote_to_wechatpay: enQuote(403, 'REQUEST_BLOCKED'),
      },
    },
  },
  {
    id: 'upstream.RESOURCE_NOT_EXISTS',
    source: 'upstream',
    match: { status: 404, code: 'RESOURCE_NOT_EXISTS' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付找不到请求的内容',
        what_happened:
          '微信支付返回 RESOURCE_NOT_EXISTS：请求的内容不存在。在本查询中，通常是批次号或创建批次的商户号不对；如果出现在扫描的后续页（前面的页都已成功），一般表示已经读过了商品编码列表的末尾。',
        causes: ['批次号或创建批次的商户号不正确', '扫描时读到了列表末尾之后的页'],
        operator_action:
          '核对批次号和创建批次的商户号后重新查询。如果是扫描后续页出现的，控制台会停下并显示已经读取的部分，这部分结果仍然有效。',
        support_script:
          '微信支付提示找不到我们查询的内容。麻烦您再确认一下批次号和创建批次的商户号，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(
          404,
          'RESOURCE_NOT_EXISTS',
          undefined,
          '并附上微信支付返回的原始描述；如果出现在扫描的后续页，再说明那页的 offset 和 limit。',
        ),
      },
      en: {
        title: 'WeChat Pay cannot find what was asked for',
        what_happened:
          'WeChat Pay answered RESOURCE_NOT_EXISTS: what the request asked for does not exist. In this lookup that usually means a wrong stock ID or creator merchant ID; on a later page of a scan, after earlier pages succeeded, it usually means the scan went past the end of the product-code list.',
        causes: [
          'The stock ID or creator merchant ID is wrong.',
          'A scan asked for a page past the end of the list.',
        ],
        operator_action:
          'Check the stock ID and the creator merchant ID and look again. If it happened on a later page of a scan, the console stops there and shows what it read; those results remain valid.',
        support_script:
          'WeChat Pay cannot find what we looked up. Could you confirm the stock ID and the merchant ID that created it? We will check and look again.',
        quote_to_wechatpay: enQuote(
          404,
          'RESOURCE_NOT_EXISTS',
          'If it happened on a later page of a scan, also give that page’s offset and limit.',
        ),
      },
    },
  },
  {
    id: 'upstream.FREQUENCY_LIMIT_EXCEED',
    source: 'upstream',
    match: { status: 429, code: 'FREQUENCY_LIMIT_EXCEED' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '查询太频繁，控制台会自动稍后重试',
        what_happened:
          '微信支付返回 FREQUENCY_LIMIT_EXCEED：调用频率超过了限制（每个商户号每分钟 1000 次，同一 IP 每分钟 200 次），这次请求没有被处理。控制台会自动等待后重试，并把速度控制在限制以内；看到这条提示，说明重试后仍然超限。',
        causes: [
          '同时进行的扫描或查询太多',
          '同一商户号或同一出口 IP 下的其他系统也在调用这个接口',
        ],
        operator_action:
          '稍等一两分钟再查询，不需要反复点击。经常出现时，请减少同时进行的扫描，或请技术人员检查其他调用方。',
        support_script:
          '查询量暂时超过了微信支付的频率限制，系统会自动排队重试，请稍等一两分钟，我们查到结果马上告诉您。',
        quote_to_wechatpay: zhQuoteAfter(
          RL.zh[0],
          429,
          'FREQUENCY_LIMIT_EXCEED',
          undefined,
          RL.zh[1],
        ),
      },
      en: {
        title: 'Too many lookups: the console retries by itself',
        what_happened:
          'WeChat Pay answered FREQUENCY_LIMIT_EXCEED: calls came faster than allowed (1000 a minute per merchant, 200 a minute from one IP address), so this request was not processed. The console waits and retries by itself and paces its calls under the limits; if you see this message, the retries were still limited.',
        causes: [
          'Too many scans or lookups at once.',
          'Other systems using the same merchant ID or outgoing IP address call this API too.',
        ],
        operator_action:
          'Wait a minute or two and look again; there is no need to click repeatedly. If it happens often, run fewer scans at once or ask the technical team to look for other callers.',
        support_script:
          'There are more lookups right now than WeChat Pay allows per minute. The system queues and retries by itself; please give us a minute or two and we will tell you the result.',
        quote_to_wechatpay: enQuoteAfter(RL.en[0], 429, 'FREQUENCY_LIMIT_EXCEED', RL.en[1]),
      },
    },
  },
];
