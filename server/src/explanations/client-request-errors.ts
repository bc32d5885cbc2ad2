import type { Explanation } from '../contract/explanation';
import {
  enQuote,
  enQuoteAfter,
  NOT_FOR_WECHATPAY,
  RATE_LIMIT_QUOTE as RL,
  zhQuote,
  zhQuoteAfter,
} from './phrases';

/** Our WeChat Pay client's failures before sending, and WeChat Pay's refusals in general. */
export const clientRequestErrors: Explanation[] = [
  {
    id: 'client.invalid_input',
    source: 'client',
    match: { code: 'invalid_input' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '查询条件不符合要求（没有发送给微信支付）',
        what_happened:
          '控制台在发送前检查了查询条件，发现有一项不符合微信支付接口的规定，所以没有向微信支付发出请求。错误详情中列出了是哪一项、规则是什么，以及填写的值。',
        causes: [
          '批次号为空或超过 20 个字符',
          '创建批次的商户号为空或超过 20 个字符',
          '页码不是 0 到 500 之间的整数',
          '每页条数不是 1 到 100 之间的整数',
        ],
        operator_action:
          '按错误详情中的规则修改那一项后重新查询。批次号和商户号建议从商户平台直接复制，避免多出空格或漏掉数字。',
        support_script:
          '您提供的批次号或商户号格式好像不太对，例如多了字符或带了空格。麻烦您从商户平台复制后再发给我们一次，我们马上查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Lookup details do not meet the rules (nothing was sent to WeChat Pay)',
        what_happened:
          'Before sending, the console checked the lookup details and found one that breaks WeChat Pay’s rules for this API, so no request was sent. The error details name the field, the rule and the value entered.',
        causes: [
          'The stock ID is empty or longer than 20 characters.',
          'The creator merchant ID is empty or longer than 20 characters.',
          'The page offset is not a whole number from 0 to 500.',
          'The page size is not a whole number from 1 to 100.',
        ],
        operator_action:
          'Fix the field as the rule in the error details says and look again. Copy stock IDs and merchant IDs straight from the Merchant Platform to avoid stray spaces or missing digits.',
        support_script:
          'The stock ID or merchant ID you gave us does not look quite right; it may have an extra character or a space. Could you copy it from your Merchant Platform and send it again? We will look it up right away.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'client.upstream_rejected',
    source: 'client',
    match: { code: 'upstream_rejected' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '微信支付拒绝了这次查询',
        what_happened:
          '微信支付拒绝了这次查询（返回了 4xx 错误），请求没有被处理。错误详情中有微信支付给出的错误码和描述。不做修改直接重试不会成功。',
        causes: [
          '批次号或创建批次的商户号不正确',
          '批次状态不允许查询，例如已结束或未激活',
          '商户号没有相应的权限',
        ],
        operator_action:
          '根据错误详情中微信支付的描述检查批次号、创建批次的商户号和批次状态，改正后重新查询。',
        support_script:
          '微信支付没有接受这次查询，通常与批次号、商户号或批次状态有关。麻烦您确认一下这几项，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(undefined, ''),
      },
      en: {
        title: 'WeChat Pay refused the lookup',
        what_happened:
          'WeChat Pay refused the lookup (a 4xx error) and did not process it. The error details hold WeChat Pay’s code and message. Retrying without changing anything will not help.',
        causes: [
          'The stock ID or creator merchant ID is wrong.',
          'The stock’s status does not allow lookups (ended or not activated, say).',
          'The merchant ID lacks a permission.',
        ],
        operator_action:
          'Check the stock ID, the creator merchant ID and the stock’s status against WeChat Pay’s message in the error details, correct them and look again.',
        support_script:
          'WeChat Pay did not accept our lookup, usually because of the stock ID, the merchant ID or the stock’s status. Could you confirm those? We will check and look again.',
        quote_to_wechatpay: enQuote(undefined, ''),
      },
    },
  },
  {
    id: 'client.rate_limited',
    source: 'client',
    match: { code: 'rate_limited' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '查询太频繁，自动重试后仍然超限',
        what_happened:
          '微信支付多次回复“调用频率超限”（HTTP 429），请求没有被处理，没有任何副作用。控制台会把调用速度控制在每个商户号每分钟 1000 次、每个 IP 每分钟 200 次以内，并已自动等待、重试了几次，但仍然超限。',
        causes: [
          '同时在扫描多个大批次，或多人同时查询',
          '同一商户号或同一出口 IP 下的其他系统也在调用微信支付',
          '控制台部署了多个实例，它们共用一个出口 IP',
        ],
        operator_action:
          '稍等一两分钟再查询，不需要反复点击。经常出现时，请减少同时进行的扫描，或请技术人员检查还有哪些系统在用同一商户号、同一出口 IP 调用。',
        support_script:
          '查询量暂时超过了微信支付的频率限制，请稍等一两分钟，我们再查一次，有结果马上告诉您。',
        quote_to_wechatpay: zhQuoteAfter(RL.zh[0], 429, '', undefined, RL.zh[1]),
      },
      en: {
        title: 'Too many lookups, still limited after retrying',
        what_happened:
          'WeChat Pay answered “rate limited” (HTTP 429) several times; the request was not processed and nothing changed. The console paces its calls under 1000 a minute per merchant and 200 a minute per IP address, and it already waited and retried a few times, but was still limited.',
        causes: [
          'Several large stocks are being scanned at once, or several people are looking stocks up.',
          'Other systems using the same merchant ID or outgoing IP address also call WeChat Pay.',
          'Several instances of the console run behind one outgoing IP address.',
        ],
        operator_action:
          'Wait a minute or two and look again; there is no need to click repeatedly. If it happens often, run fewer scans at once, or ask the technical team which other systems call with the same merchant ID or from the same IP address.',
        support_script:
          'There are more lookups right now than WeChat Pay allows per minute. Please give us a minute or two; we will look again and tell you the result.',
        quote_to_wechatpay: enQuoteAfter(RL.en[0], 429, '', RL.en[1]),
      },
    },
  },
];
