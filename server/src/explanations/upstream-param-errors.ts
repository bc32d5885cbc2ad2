import type { Explanation } from '../contract/explanation';
import { enQuote, zhQuote } from './phrases';

/** The PARAM_ERROR rows of WeChat Pay's table that the items/stock lookup can produce. */
export const upstreamParamErrors: Explanation[] = [
  {
    id: 'upstream.PARAM_ERROR.page_size',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '页大小超过阈值' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '每页条数超过上限',
        what_happened:
          '微信支付提示“页大小超过阈值”：查询可用单品时，每页请求的条数（limit）超过了微信支付允许的最大值（文档规定每页最多 100 条）。控制台发送前会检查这一项，正常情况下不会出现。',
        causes: [
          '每页条数被设置为大于 100',
          '请求在发出途中被代理或网关改动了参数',
          '微信支付对这个商户实际执行的上限低于文档中的 100',
        ],
        operator_action:
          '把每页条数改为 100 或更小后重新查询。如果每页条数本来就不超过 100 仍出现这个提示，请把 Request-ID 交给技术人员排查。',
        support_script:
          '这是我们查询时一次请求的数量超过了微信支付的上限，属于我们这边的设置问题，与您的批次无关。我们调整后马上重新查询。',
        quote_to_wechatpay: zhQuote(
          400,
          'PARAM_ERROR',
          '页大小超过阈值',
          '同时说明请求中的 limit 取值。',
        ),
      },
      en: {
        title: 'Page size over the limit',
        what_happened:
          'WeChat Pay said the page size is over its limit: the number of codes asked for per page (limit) is above the maximum it allows (100 according to its documentation). The console checks this before sending, so this should not normally happen.',
        causes: [
          'The page size was set above 100.',
          'A proxy or gateway changed the request on its way.',
          'WeChat Pay enforces a lower limit for this merchant than the documented 100.',
        ],
        operator_action:
          'Set the page size to 100 or less and look the stock up again. If the page size already was 100 or less, give the Request-ID to your technical team.',
        support_script:
          'Our lookup asked WeChat Pay for more results per request than it allows. That is a setting on our side and has nothing to do with your stock; we are adjusting it and will look again right away.',
        quote_to_wechatpay: enQuote(400, 'PARAM_ERROR', 'Also give the limit value sent.'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.stock_id_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '批次号必填' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '缺少批次号',
        what_happened:
          '微信支付提示“批次号必填”：它没有在请求里读到批次号（stock_id）。控制台发送前会检查批次号不为空，所以通常是批次号里只有空格、换行等看不见的字符，或请求在途中被改动。',
        causes: [
          '批次号为空，或复制时只带上了空格、换行等不可见字符',
          '请求在发出途中被代理或网关改动',
        ],
        operator_action:
          '在商户平台“营销中心 › 代金券”的批次列表里复制完整的批次号（一串数字），确认前后没有空格后重新查询。',
        support_script:
          '查询时批次号没有传到微信支付。麻烦您在商户平台的代金券批次列表里复制完整的批次号发给我们，我们重新查一次。',
        quote_to_wechatpay: zhQuote(400, 'PARAM_ERROR', '批次号必填'),
      },
      en: {
        title: 'Stock ID missing',
        what_happened:
          'WeChat Pay said the stock ID is required: it found no stock_id in the request. The console refuses an empty stock ID before sending, so usually the ID held only spaces or line breaks, or the request was changed on its way.',
        causes: [
          'The stock ID was empty, or the copy picked up only spaces or line breaks.',
          'A proxy or gateway changed the request on its way.',
        ],
        operator_action:
          'Copy the full stock ID (a string of digits) from the voucher stock list in the Merchant Platform (Marketing Center, Vouchers), check there are no spaces around it, and look it up again.',
        support_script:
          'The stock ID did not reach WeChat Pay with our lookup. Could you copy the full stock ID from the voucher stock list in your Merchant Platform and send it to us? We will look it up again.',
        quote_to_wechatpay: enQuote(400, 'PARAM_ERROR'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.mchid_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '商户号必填' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '缺少创建批次的商户号',
        what_happened:
          '微信支付提示“商户号必填”：请求里缺少创建这个批次的商户号（stock_creator_mchid）。查询可用单品时，批次号和创建批次的商户号缺一不可。',
        causes: ['查询时没有填写“创建批次的商户号”', '商户号一栏只有空格或不可见字符'],
        operator_action:
          '填写创建这个批次的商户号后重新查询。如果批次是由其他商户号（例如品牌总部或服务商）创建的，要填写那个商户号，而不是您自己的。',
        support_script:
          '查询这个批次需要同时提供批次号和创建它的商户号。请告诉我们这个批次是用哪个商户号创建的（一串 10 位左右的数字），我们补上后重新查询。',
        quote_to_wechatpay: zhQuote(400, 'PARAM_ERROR', '商户号必填'),
      },
      en: {
        title: 'Creator merchant ID missing',
        what_happened:
          'WeChat Pay said the merchant ID is required: the request did not carry the ID of the merchant that created the stock (stock_creator_mchid). A product-code lookup needs both the stock ID and the creator merchant ID.',
        causes: [
          'The creator merchant ID was left empty.',
          'The field held only spaces or invisible characters.',
        ],
        operator_action:
          'Enter the ID of the merchant that created the stock and look it up again. If another merchant ID created it (a brand headquarters or a service provider, say), enter that one, not your own.',
        support_script:
          'To look this stock up we need both its stock ID and the merchant ID that created it. Which merchant ID created the stock? It is a number of about 10 digits. We will add it and look again.',
        quote_to_wechatpay: enQuote(400, 'PARAM_ERROR'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.invalid_stock_status',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '非法的批次状态' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '批次当前状态不支持查询',
        what_happened:
          '微信支付提示“非法的批次状态”：这个批次目前的状态不允许这次请求。批次可能还没激活、正在审核，或已经暂停、停止。',
        causes: [
          '批次尚未激活，或仍在审核中',
          '批次已被暂停或已停止',
          '批次不是代金券（例如立减、折扣批次）：这个查询只支持代金券中的全场券和单品券',
        ],
        operator_action:
          '在商户平台“营销中心 › 代金券”里查看这个批次的状态和类型。未激活的批次需先激活；已暂停或已停止的，请确认是否为预期操作。立减、折扣批次不支持这个查询，请直接在商户平台查看它的活动规则。',
        support_script:
          '微信支付提示这个批次目前的状态不支持查询适用商品，可能是还没激活、在审核中，或已经暂停、停止。麻烦您在商户平台的代金券批次列表里确认一下它的状态，我们再根据情况处理。',
        quote_to_wechatpay: zhQuote(400, 'PARAM_ERROR', '非法的批次状态'),
      },
      en: {
        title: 'The stock’s status does not allow this lookup',
        what_happened:
          'WeChat Pay said the stock status is invalid: the stock is in a state that does not allow this request. It may not be activated yet, be under review, or have been paused or stopped.',
        causes: [
          'The stock is not activated yet, or is still under review.',
          'The stock has been paused or stopped.',
          'The stock is not a voucher stock (an instant-discount or percentage-discount stock, say): this lookup supports only whole-store and single-item vouchers.',
        ],
        operator_action:
          'Check the stock’s status and type in the Merchant Platform (Marketing Center, Vouchers). Activate it if it is not active yet; if it is paused or stopped, confirm that was intended. Discount stocks are not supported by this lookup: read their rules in the Merchant Platform instead.',
        support_script:
          'WeChat Pay says this stock’s current status does not allow looking up its products: it may not be activated yet, be under review, or have been paused or stopped. Could you check its status in your Merchant Platform voucher list? We will take it from there.',
        quote_to_wechatpay: enQuote(400, 'PARAM_ERROR'),
      },
    },
  },
];
