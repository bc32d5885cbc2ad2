import type { Explanation } from '../contract/explanation';
import {
  enQuote,
  enQuoteElsewhere,
  NOT_FROM_THIS_LOOKUP as NOT,
  zhQuote,
  zhQuoteElsewhere,
} from './phrases';

/** The 400 rows of WeChat Pay's table other than PARAM_ERROR: merchant, stock and appid checks. */
export const upstreamRequestErrors: Explanation[] = [
  {
    id: 'upstream.MCH_NOT_EXISTS.invalid_mchid',
    source: 'upstream',
    match: { status: 400, code: 'MCH_NOT_EXISTS', message: '商户号不合法' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '商户号不正确',
        what_happened:
          '微信支付提示“商户号不合法”：请求中的商户号格式不对，或微信支付找不到这个商户号。在本查询中，通常是“创建批次的商户号”填错了。',
        causes: [
          '创建批次的商户号输错，或多了、少了位数',
          '填成了别的编号，例如批次号、AppID 或门店编号',
          '这个商户号已注销或不存在',
        ],
        operator_action:
          '核对“创建批次的商户号”：它是微信支付分配的纯数字编号，登录商户平台后可在“账户中心 › 商户信息”中看到。改正后重新查询。',
        support_script:
          '微信支付提示我们查询时使用的商户号不正确。麻烦您登录商户平台，把创建这个批次的商户号（一串数字）核对后发给我们，我们重新查询。',
        quote_to_wechatpay: zhQuote(400, 'MCH_NOT_EXISTS', '商户号不合法'),
      },
      en: {
        title: 'Merchant ID not valid',
        what_happened:
          'WeChat Pay said the merchant ID is not valid: it is malformed, or WeChat Pay knows no such merchant. In this lookup it is usually the creator merchant ID that was mistyped.',
        causes: [
          'The creator merchant ID was mistyped, or has a digit too many or too few.',
          'Another number was entered instead, such as the stock ID, an AppID or a store number.',
          'The merchant ID has been closed or never existed.',
        ],
        operator_action:
          'Check the creator merchant ID: a number assigned by WeChat Pay, shown in the Merchant Platform under Account Center, Merchant Information. Correct it and look the stock up again.',
        support_script:
          'WeChat Pay says the merchant ID we used for the lookup is not valid. Could you sign in to your Merchant Platform, check the merchant ID that created this stock (a number) and send it to us? We will look again.',
        quote_to_wechatpay: enQuote(400, 'MCH_NOT_EXISTS'),
      },
    },
  },
  {
    id: 'upstream.INVALID_REQUEST.openid_appid_mismatch',
    source: 'upstream',
    match: { status: 400, code: 'INVALID_REQUEST', message: 'openid与appid不匹配' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '顾客 openid 与 appid 不匹配（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“openid与appid不匹配”。${NOT.zh}查询批次与具体顾客无关；这个错误来自发放代金券、查询用户的券等接口：请求里的 openid 不是在这个 appid（公众号或小程序）下获取的。`,
        causes: [
          '用 A 公众号下获取的 openid 配上了 B 小程序的 appid',
          '同一位顾客在不同公众号、小程序下的 openid 各不相同，被混用了',
        ],
        operator_action:
          '本控制台无需任何操作。请技术人员确认发券时使用的 openid 和 appid 来自同一个公众号或小程序。',
        support_script:
          '这个提示是系统给顾客发券或查券时，顾客身份与公众号或小程序对不上，与代金券适用哪些商品无关。请转告技术同事检查发券时使用的 appid 和 openid 是否来自同一个公众号或小程序。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券或查询用户的券'),
      },
      en: {
        title: 'Customer openid does not match the appid (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the openid does not match the appid. ${NOT.en} Stock lookups concern no particular customer; this error comes from APIs such as issuing a coupon or listing a user’s coupons, when the openid was not obtained under that appid (Official Account or Mini Program).`,
        causes: [
          'An openid from one Official Account was sent with the appid of another app.',
          'The same person has a different openid in each Official Account and Mini Program, and they were mixed up.',
        ],
        operator_action:
          'Nothing to do in this console. Ask the developers to make sure the openid and the appid used to issue the coupon come from the same Official Account or Mini Program.',
        support_script:
          'This message means the customer identity used to issue or look up a coupon does not belong to the Official Account or Mini Program named in the request; it has nothing to do with which products the coupon applies to. Please ask your developers to check that the appid and openid come from the same app.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon, or list a user’s coupons'),
      },
    },
  },
  {
    id: 'upstream.INVALID_REQUEST.stock_not_active',
    source: 'upstream',
    match: { status: 400, code: 'INVALID_REQUEST', message: '活动已结束或未激活' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '批次已结束或尚未激活',
        what_happened:
          '微信支付提示“活动已结束或未激活”：这个代金券批次目前不在进行中——要么已经过了可用时间或被停止，要么创建后还没有激活。',
        causes: [
          '批次已过可用结束时间，或已被手动停止',
          '批次创建后还没有激活',
          '批次号填成了另一个已经结束的旧批次',
        ],
        operator_action:
          '在商户平台“营销中心 › 代金券”里查看批次状态和可用时间。未激活的请先激活；已结束的，请确认批次号是否正确，需要时改查正在进行中的批次。',
        support_script:
          '微信支付提示这个批次的活动已经结束或还没有激活，所以查不到它适用的商品。麻烦您确认一下批次号是否正确、活动时间是否已过；如果顾客的券来自另一个批次，请把那个批次号发给我们。',
        quote_to_wechatpay: zhQuote(400, 'INVALID_REQUEST', '活动已结束或未激活'),
      },
      en: {
        title: 'Stock ended or not activated',
        what_happened:
          'WeChat Pay said the activity has ended or is not activated: the voucher stock is not running. Either its validity period is over or it was stopped, or it was created but never activated.',
        causes: [
          'The stock’s end time has passed, or it was stopped by hand.',
          'The stock was created but not activated yet.',
          'The stock ID entered is that of an older stock that has ended.',
        ],
        operator_action:
          'Check the stock’s status and validity period in the Merchant Platform (Marketing Center, Vouchers). Activate it if it is not active yet; if it has ended, make sure the stock ID is the right one and look up the running stock instead.',
        support_script:
          'WeChat Pay says this stock’s activity has ended or has not been activated, so we cannot see its products. Could you confirm the stock ID and whether the activity period is over? If the customer’s coupon comes from another stock, please send us that stock ID.',
        quote_to_wechatpay: enQuote(400, 'INVALID_REQUEST'),
      },
    },
  },
  {
    id: 'upstream.INVALID_REQUEST.illegal_mchid',
    source: 'upstream',
    match: { status: 400, code: 'INVALID_REQUEST', message: '非法的商户号' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '商户号无效',
        what_happened:
          '微信支付提示“非法的商户号”：请求中的商户号不被接受。这个查询涉及两个商户号：控制台用来调用接口的商户号，和创建批次的商户号（stock_creator_mchid），其中一个不正确或两者对不上。',
        causes: [
          '创建批次的商户号填错',
          '这个批次并不是由填写的商户号创建的',
          '控制台配置的商户号有误',
        ],
        operator_action:
          '先核对查询时填写的创建批次的商户号；确认无误仍出现的，请技术人员检查控制台配置的商户号是否正确。',
        support_script:
          '微信支付提示查询用的商户号无效。麻烦您确认这个批次是由哪个商户号创建的，把商户号发给我们，我们核对后重新查询。',
        quote_to_wechatpay: zhQuote(400, 'INVALID_REQUEST', '非法的商户号'),
      },
      en: {
        title: 'Merchant ID rejected',
        what_happened:
          'WeChat Pay said the merchant ID is illegal: it did not accept a merchant ID in the request. This lookup involves two: the merchant ID the console calls with, and the merchant ID that created the stock (stock_creator_mchid). One of them is wrong, or they do not belong together.',
        causes: [
          'The creator merchant ID was mistyped.',
          'The stock was not created by the merchant ID entered.',
          'The merchant ID configured in the console is wrong.',
        ],
        operator_action:
          'First check the creator merchant ID you entered. If it is right and the error remains, ask the technical team to check the merchant ID configured in the console.',
        support_script:
          'WeChat Pay did not accept the merchant ID of our lookup. Could you confirm which merchant ID created this stock and send it to us? We will check it and look again.',
        quote_to_wechatpay: enQuote(400, 'INVALID_REQUEST'),
      },
    },
  },
  {
    id: 'upstream.APPID_MCHID_NOT_MATCH.not_bound',
    source: 'upstream',
    match: { status: 400, code: 'APPID_MCHID_NOT_MATCH', message: '商户号与appid不匹配' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '商户号与 appid 未关联（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“商户号与appid不匹配”。${NOT.zh}查询批次不使用 appid；这个错误来自发放代金券等需要 appid 的接口：调用接口的商户号与请求里的 appid（公众号或小程序）还没有建立关联。`,
        causes: [
          '公众号或小程序的 AppID 尚未与这个商户号关联',
          '服务商模式下使用了特约商户未授权的 appid',
        ],
        operator_action:
          '本控制台无需任何操作。请管理员在商户平台“产品中心 › AppID账号管理”中关联该 appid，并在公众号或小程序后台确认授权，然后重新发券。',
        support_script:
          '这个提示是贵方发券时使用的公众号或小程序还没有和商户号关联，与代金券适用哪些商品无关。请管理员在商户平台“产品中心 › AppID账号管理”里完成关联后再发券。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Merchant ID and appid not linked (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the merchant ID does not match the appid. ${NOT.en} Stock lookups use no appid; this error comes from APIs that do, such as issuing a coupon, when the calling merchant ID has not been linked to the appid (Official Account or Mini Program).`,
        causes: [
          'The Official Account or Mini Program AppID has not been linked to this merchant ID.',
          'A service provider used an appid its sub-merchant has not authorised.',
        ],
        operator_action:
          'Nothing to do in this console. Ask an administrator to link the appid in the Merchant Platform (Product Center, AppID Account Management), confirm it on the Official Account or Mini Program side, then issue the coupon again.',
        support_script:
          'This message means the Official Account or Mini Program used to issue the coupon is not linked to your merchant ID yet; it has nothing to do with which products the coupon applies to. Please ask your administrator to link them in the Merchant Platform (Product Center, AppID Account Management), then issue again.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
];
