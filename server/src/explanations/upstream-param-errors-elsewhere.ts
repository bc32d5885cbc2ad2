import type { Explanation } from '../contract/explanation';
import { enQuoteElsewhere, NOT_FROM_THIS_LOOKUP as NOT, zhQuoteElsewhere } from './phrases';

// PARAM_ERROR rows of the marketing APIs' shared table that come from other APIs (callbacks,
// single coupons, users, stock creation). Support staff paste them in from other tools.

/** PARAM_ERROR rows the items/stock lookup cannot produce. */
export const upstreamParamErrorsElsewhere: Explanation[] = [
  {
    id: 'upstream.PARAM_ERROR.callback_url_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '回调url不能为空' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '回调地址未填写（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“回调url不能为空”。${NOT.zh}它来自需要填写回调地址的接口，最常见的是代金券的“设置消息通知地址”（接收核销事件通知），调用时没有填写回调地址。`,
        causes: [
          '调用“设置消息通知地址”等接口时，notify_url 为空或没有传',
          '商户自己的系统或服务商的配置里漏填了回调地址',
        ],
        operator_action:
          '本控制台无需任何操作。请负责该接口的技术人员或服务商补上回调地址（https 开头、外网可以访问的网址），再重新调用那个接口。',
        support_script:
          '这个提示不是查询代金券适用商品时出现的，而是贵方系统在设置回调通知地址时没有填地址。请转告负责对接的技术同事或服务商补上地址后重新设置。顾客使用代金券不受影响。',
        quote_to_wechatpay: zhQuoteElsewhere('设置消息通知地址'),
      },
      en: {
        title: 'Callback URL missing (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the callback URL must not be empty. ${NOT.en} It comes from APIs that take a callback address, most often the vouchers’ “set notification URL” (for redemption events), called without an address.`,
        causes: [
          'A call to “set notification URL” or a similar API sent an empty or missing notify_url.',
          'The merchant’s own system or its service provider left the callback address out of its configuration.',
        ],
        operator_action:
          'Nothing to do in this console. Ask the developers or service provider who call that API to fill in the callback address (an https URL reachable from the internet) and call it again.',
        support_script:
          'This message does not come from checking which products a coupon applies to: your system tried to set its notification address without giving one. Please ask your developers or service provider to add the address and set it again. Customers can still use their coupons.',
        quote_to_wechatpay: enQuoteElsewhere('set notification URL'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.callback_mchid_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '回调商户不能为空' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '回调商户号未填写（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“回调商户不能为空”。${NOT.zh}它来自“设置消息通知地址”这类接口：请求里要写明为哪个商户号设置回调，这一项没有填。`,
        causes: [
          '设置消息通知地址时，请求里的商户号（mchid）为空或没有传',
          '服务商替特约商户设置回调时漏填了商户号',
        ],
        operator_action:
          '本控制台无需任何操作。请技术人员在那个接口的请求里补上商户号（通常就是本商户的商户号），再重新调用。',
        support_script:
          '这个提示不是查询代金券适用商品时出现的，而是贵方系统设置回调通知时少填了商户号。请转告技术同事或服务商补上商户号后重新设置。顾客使用代金券不受影响。',
        quote_to_wechatpay: zhQuoteElsewhere('设置消息通知地址'),
      },
      en: {
        title: 'Callback merchant missing (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the callback merchant must not be empty. ${NOT.en} It comes from APIs such as “set notification URL”, whose request must name the merchant ID the callback is for; that field was empty.`,
        causes: [
          'A “set notification URL” call sent an empty or missing mchid.',
          'A service provider setting the callback for a sub-merchant left the merchant ID out.',
        ],
        operator_action:
          'Nothing to do in this console. Ask the developers to add the merchant ID (usually the merchant’s own) to that API call and call it again.',
        support_script:
          'This message does not come from checking which products a coupon applies to: your system set its notification address without saying which merchant ID it is for. Please ask your developers or service provider to add it and set it again. Customers can still use their coupons.',
        quote_to_wechatpay: enQuoteElsewhere('set notification URL'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.coupon_id_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '券id必填' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '缺少券 ID（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“券id必填”。${NOT.zh}查询批次只需要批次号；这个错误来自针对某一张具体代金券的接口（例如“查询代金券详情”），请求里缺了券 ID（coupon_id）。`,
        causes: [
          '查询单张代金券的详情时没有传券 ID',
          '处理顾客投诉时只填了批次号，没有填顾客手中那张券的券 ID',
        ],
        operator_action:
          '本控制台按批次号查询整个批次适用哪些商品，不需要券 ID。如果要核实顾客手中某一张券的状态，请从商户系统的发券记录中找到它的券 ID，在对应的工具或接口里补上后再查。',
        support_script:
          '这个提示来自查询单张券的功能，需要提供券 ID。如果只想知道这个批次的券能用在哪些商品上，有批次号就够了，我们这边可以直接查；如果要核实某张券本身的状态，请先从发券记录里找到它的券 ID。',
        quote_to_wechatpay: zhQuoteElsewhere('查询代金券详情'),
      },
      en: {
        title: 'Coupon ID missing (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the coupon ID is required. ${NOT.en} A stock lookup needs only the stock ID; this error comes from APIs about one particular coupon (such as “query coupon details”) called without its coupon_id.`,
        causes: [
          'A single-coupon query was sent without the coupon ID.',
          'While handling a complaint, only the stock ID was entered, not the ID of the customer’s own coupon.',
        ],
        operator_action:
          'This console looks up a whole stock by its stock ID and needs no coupon ID. To check one customer’s coupon, find its coupon ID in the merchant’s issuing records and enter it in the tool or API that checks single coupons.',
        support_script:
          'This message comes from checking a single coupon, which needs that coupon’s ID. If you only want to know which products this stock’s coupons apply to, the stock ID is enough and we can look it up now; to check one particular coupon, please find its coupon ID in your issuing records first.',
        quote_to_wechatpay: enQuoteElsewhere('query coupon details'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.appid_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: 'appid必填' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '缺少 appid（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“appid必填”。${NOT.zh}查询批次不使用 appid；这个错误来自与微信用户有关的接口（例如“发放代金券”、“查询用户的券”），它们需要公众号或小程序的 appid 来识别用户，请求里没有填。`,
        causes: [
          '发放代金券或查询用户的券时没有传 appid',
          '商户系统里公众号或小程序的 AppID 配置缺失',
        ],
        operator_action:
          '本控制台无需任何操作。请技术人员在发券或查券的请求中补上 appid（已与商户号关联的公众号或小程序 AppID），再重新调用。',
        support_script:
          '这个提示是贵方给顾客发券或查券时少填了公众号或小程序的 appid，并不是查询代金券适用商品时出现的。请转告技术同事补上 appid 后重试。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券或查询用户的券'),
      },
      en: {
        title: 'appid missing (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the appid is required. ${NOT.en} Stock lookups use no appid; this error comes from APIs about WeChat users (issuing a coupon, listing a user’s coupons), which need the Official Account or Mini Program appid to identify the user.`,
        causes: [
          'A coupon was issued or a user’s coupons were listed without an appid.',
          'The Official Account or Mini Program AppID is missing from the merchant system’s configuration.',
        ],
        operator_action:
          'Nothing to do in this console. Ask the developers to add the appid (an Official Account or Mini Program AppID linked to the merchant ID) to the issuing or listing call and call it again.',
        support_script:
          'This message means your system issued or looked up a customer’s coupon without the Official Account or Mini Program appid; it does not come from checking which products a coupon applies to. Please ask your developers to add the appid and try again.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon, or list a user’s coupons'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.openid_required',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: 'openid必填' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '缺少顾客的 openid（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“openid必填”。${NOT.zh}查询批次与具体顾客无关；这个错误来自发放代金券、查询用户的券等针对某位顾客的接口，请求里缺了顾客的 openid。`,
        causes: [
          '发券或查券时没有传顾客的 openid',
          '顾客还没有授权，商户系统没拿到 openid 就发起了调用',
        ],
        operator_action:
          '本控制台无需任何操作。请技术人员确认已拿到顾客在该 appid 下的 openid，再调用发券或查券接口。',
        support_script:
          '这个提示表示系统给某位顾客发券或查券时，没能识别是哪位顾客（缺少 openid），与代金券适用哪些商品无关。请转告技术同事检查获取顾客身份的步骤。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券或查询用户的券'),
      },
      en: {
        title: 'Customer openid missing (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the openid is required. ${NOT.en} Stock lookups concern no particular customer; this error comes from APIs about one customer (issuing a coupon, listing a user’s coupons) called without the customer’s openid.`,
        causes: [
          'A coupon was issued or listed without the customer’s openid.',
          'The customer had not authorised the app yet, so the merchant system called without an openid.',
        ],
        operator_action:
          'Nothing to do in this console. Ask the developers to make sure they have the customer’s openid under that appid before issuing or listing coupons.',
        support_script:
          'This message means the system could not tell which customer a coupon was being issued to or looked up for (the openid was missing); it has nothing to do with which products the coupon applies to. Please ask your developers to check how the customer’s identity is obtained.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon, or list a user’s coupons'),
      },
    },
  },
  {
    id: 'upstream.PARAM_ERROR.time_format',
    source: 'upstream',
    match: { status: 400, code: 'PARAM_ERROR', message: '输入时间格式错误' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '时间格式错误（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“输入时间格式错误”。${NOT.zh}查询可用单品和批次详情都没有时间参数；这个错误来自带时间的接口，例如创建代金券批次（可用开始、结束时间）或按创建时间查询批次列表，其中某个时间的格式不对。`,
        causes: [
          '时间没有使用 RFC 3339 格式，正确写法如 2025-11-11T00:00:00+08:00',
          '漏写了时区，或写成了 2025/11/11 这样的格式',
        ],
        operator_action:
          '本控制台无需任何操作。请技术人员把那个接口中的时间改为 RFC 3339 格式（如 2025-11-11T00:00:00+08:00）后重新调用。',
        support_script:
          '这个提示是贵方系统在创建批次或按时间查询批次时，时间格式填写不正确，与代金券适用哪些商品无关。请转告技术同事按微信支付要求的格式（例如 2025-11-11T00:00:00+08:00）修改后重试。',
        quote_to_wechatpay: zhQuoteElsewhere('创建代金券批次或查询批次列表'),
      },
      en: {
        title: 'Wrong time format (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said a time is in the wrong format. ${NOT.en} Neither lookup takes a time; this error comes from APIs that do, such as creating a voucher stock (its start and end times) or listing stocks by creation time.`,
        causes: [
          'A time was not in RFC 3339 format; the right form looks like 2025-11-11T00:00:00+08:00.',
          'The time zone was left out, or the date was written like 2025/11/11.',
        ],
        operator_action:
          'Nothing to do in this console. Ask the developers to send the time in RFC 3339 format (such as 2025-11-11T00:00:00+08:00) and call that API again.',
        support_script:
          'This message means your system sent a time in the wrong format while creating a stock or listing stocks by date; it has nothing to do with which products a coupon applies to. Please ask your developers to use the format WeChat Pay expects, for example 2025-11-11T00:00:00+08:00, and try again.',
        quote_to_wechatpay: enQuoteElsewhere('create voucher stock, or list stocks'),
      },
    },
  },
];
