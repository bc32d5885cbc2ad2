import type { Explanation } from '../contract/explanation';
import {
  enQuote,
  enQuoteElsewhere,
  NOT_FROM_THIS_LOOKUP as NOT,
  zhQuote,
  zhQuoteElsewhere,
} from './phrases';

/** The 403 rows of WeChat Pay's table: permissions, budget and per-user limits. */
export const upstream403Errors: Explanation[] = [
  {
    id: 'upstream.USER_ACCOUNT_ABNORMAL.user_abnormal',
    source: 'upstream',
    match: { status: 403, code: 'USER_ACCOUNT_ABNORMAL', message: '用户非法' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '顾客账号异常，无法领券（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“用户非法”：这位顾客的微信支付账号被判定为异常，暂时无法领取代金券。${NOT.zh}它来自给顾客发券的接口。`,
        causes: [
          '微信支付的安全风控判定这个账号存在异常',
          '账号受到限制，具体原因只有微信支付掌握，商户看不到',
        ],
        operator_action:
          '本控制台无需任何操作，商户也无法解除这个限制。商户可以联系微信支付说明情况，或请顾客本人联系微信支付客服（电话 95017）。在此之前无法给这位顾客发券。',
        support_script:
          '您好，系统给您发券时，微信支付提示您的账号状态异常，暂时无法领取代金券。这是微信支付的账号安全判断，我们这边看不到具体原因，也无法解除。建议您联系微信支付客服（电话 95017）咨询，给您带来不便很抱歉。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title:
          'Customer account restricted, cannot receive coupons (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the user is not allowed: this customer’s WeChat Pay account was judged abnormal and cannot receive coupons for now. ${NOT.en} It comes from the API that issues coupons to customers.`,
        causes: [
          'WeChat Pay’s risk control flagged the account.',
          'The account is restricted for reasons only WeChat Pay knows; merchants cannot see them.',
        ],
        operator_action:
          'Nothing to do in this console, and the merchant cannot lift the restriction. The merchant may contact WeChat Pay about it, or the customer may call WeChat Pay customer service (95017). Until then no coupon can be issued to this customer.',
        support_script:
          'When we tried to give you the coupon, WeChat Pay said your account is restricted for now and cannot receive coupons. This is WeChat Pay’s own security decision: we cannot see the reason or lift it. Please contact WeChat Pay customer service (95017) about it. We are sorry for the trouble.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
  {
    id: 'upstream.NOT_ENOUGH.budget_exhausted',
    source: 'upstream',
    match: { status: 403, code: 'NOT_ENOUGH', message: '批次预算不足' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '批次预算已用完（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“批次预算不足”：这个批次的预算已经用完，不能再发券。${NOT.zh}它来自发放代金券的接口。已经发出去的券照常有效，本控制台也仍然可以查询这个批次适用的商品。`,
        causes: ['批次已经发放到预算上限', '预算设置偏低，活动领取量超出预期'],
        operator_action:
          '本控制台无需任何操作。如需继续发券，请在商户平台“营销中心 › 代金券”为这个批次补充预算；否则停止发放。',
        support_script:
          '这个批次的券已经发完了（预算用尽），所以新的领取没有成功。已经领到券的顾客不受影响，可以照常使用。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Stock budget used up (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the stock’s budget is not enough: it has been used up and no more coupons can be issued. ${NOT.en} It comes from the API that issues coupons. Coupons already issued stay valid, and this console can still look up the stock’s products.`,
        causes: [
          'The stock has issued coupons up to its budget.',
          'The budget was set low and the campaign drew more claims than expected.',
        ],
        operator_action:
          'Nothing to do in this console. To keep issuing, top up the stock’s budget in the Merchant Platform (Marketing Center, Vouchers); otherwise stop issuing.',
        support_script:
          'All the coupons in this campaign have been given out (its budget is used up), so new claims do not go through. Anyone who already has a coupon can use it as usual.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
  {
    id: 'upstream.REQUEST_BLOCKED.no_product_permission',
    source: 'upstream',
    match: { status: 403, code: 'REQUEST_BLOCKED', message: '调用商户无权限' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '商户号没有开通代金券权限',
        what_happened:
          '微信支付提示“调用商户无权限”：控制台用来查询的商户号还没有开通代金券相关的产品权限，微信支付因此拒绝了这次查询。',
        causes: [
          '这个商户号没有在商户平台开通代金券（营销工具）',
          '控制台配置的商户号不是开通了代金券的那个（例如用了另一个主体的商户号）',
        ],
        operator_action:
          '请管理员登录商户平台，在“营销中心 › 代金券”按提示开通代金券，开通后重新查询。如果确认已经开通，请技术人员核对控制台配置的商户号是不是开通了代金券的那一个。',
        support_script:
          '微信支付提示我们用来查询的商户号没有开通代金券权限。需要贵方管理员在商户平台开通代金券后才能查询，开通后告诉我们，我们马上重新查。',
        quote_to_wechatpay: zhQuote(403, 'REQUEST_BLOCKED', '调用商户无权限'),
      },
      en: {
        title: 'Merchant ID has no voucher permission',
        what_happened:
          'WeChat Pay said the calling merchant has no permission: the merchant ID the console calls with has not enabled the voucher products, so WeChat Pay refused the lookup.',
        causes: [
          'This merchant ID has not enabled Vouchers (a marketing tool) in the Merchant Platform.',
          'The console is configured with a different merchant ID from the one that enabled Vouchers.',
        ],
        operator_action:
          'Ask an administrator to sign in to the Merchant Platform and enable Vouchers under Marketing Center, then look the stock up again. If Vouchers is already enabled, ask the technical team to check that the console uses that same merchant ID.',
        support_script:
          'WeChat Pay says the merchant ID we look stocks up with has not enabled Vouchers. Your administrator needs to enable it in the Merchant Platform first; let us know when it is done and we will look again right away.',
        quote_to_wechatpay: enQuote(403, 'REQUEST_BLOCKED'),
      },
    },
  },
  {
    id: 'upstream.REQUEST_BLOCKED.stock_not_yours',
    source: 'upstream',
    match: { status: 403, code: 'REQUEST_BLOCKED', message: '商户无权发券' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '这个批次不属于该商户号',
        what_happened:
          '微信支付提示“商户无权发券”。字面上说的是发券，但出现在查询中时，意思是发起查询的商户号无权查看这个批次：批次不是由填写的商户号创建的，也没有授权给它。',
        causes: [
          '填写的创建批次的商户号，不是真正创建这个批次的商户号',
          '批次由其他商户号（例如品牌总部或服务商）创建，没有授权给当前商户号',
          '批次号填错，恰好是别的商户的批次',
        ],
        operator_action:
          '向负责这个活动的同事确认批次号和创建批次的商户号，改正后重新查询。如果批次确实属于其他商户号，需要由创建方授权，或者用创建方的商户号来查询。',
        support_script:
          '微信支付提示这个批次不属于我们查询时使用的商户号。麻烦您确认两件事：这个批次是哪个商户号创建的？批次号是否正确？请一起发给我们，我们重新查询。',
        quote_to_wechatpay: zhQuote(
          403,
          'REQUEST_BLOCKED',
          '商户无权发券',
          '请同时说明调用的商户号和填写的创建批次的商户号。',
        ),
      },
      en: {
        title: 'This stock does not belong to this merchant ID',
        what_happened:
          'WeChat Pay said the merchant may not issue coupons. The words are about issuing, but in a lookup they mean the calling merchant ID may not see this stock: it was not created by the merchant ID entered and has not been authorised to it.',
        causes: [
          'The creator merchant ID entered is not the one that actually created the stock.',
          'Another merchant ID (a brand headquarters or service provider, say) created the stock and has not authorised the current one.',
          'The stock ID was mistyped and happens to belong to another merchant.',
        ],
        operator_action:
          'Confirm the stock ID and the creator merchant ID with whoever runs the campaign, correct them and look again. If the stock really belongs to another merchant ID, its creator must authorise you, or look it up with the creator’s merchant ID.',
        support_script:
          'WeChat Pay says this stock does not belong to the merchant ID we looked it up with. Could you confirm two things: which merchant ID created the stock, and is the stock ID right? Send us both and we will look again.',
        quote_to_wechatpay: enQuote(
          403,
          'REQUEST_BLOCKED',
          'Also give both the calling merchant ID and the creator merchant ID entered.',
        ),
      },
    },
  },
  {
    id: 'upstream.REQUEST_BLOCKED.cross_merchant_not_authorised',
    source: 'upstream',
    match: { status: 403, code: 'REQUEST_BLOCKED', message: '批次不支持跨商户发券' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '批次未授权其他商户号发放（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“批次不支持跨商户发券”：有商户号想发放一个不是自己创建的批次，而创建方没有把这个批次授权给它。${NOT.zh}它来自发放代金券的接口。`,
        causes: ['用商户号 B 发放商户号 A 创建的批次，A 没有授权给 B', '原有的授权已被取消'],
        operator_action:
          '本控制台无需任何操作。请批次的创建方为发券的商户号完成授权后再发放，或改用创建方的商户号发券。',
        support_script:
          '这个提示是用另一个商户号发放这个批次的券时被拦截了，因为批次没有授权给那个商户号，与代金券适用哪些商品无关。请联系批次的创建方完成授权后再发券。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Stock not authorised for other merchants (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the stock does not support issuing across merchants: a merchant ID tried to issue a stock it did not create, and the creator has not authorised it. ${NOT.en} It comes from the API that issues coupons.`,
        causes: [
          'Merchant B issued a stock created by merchant A without A’s authorisation.',
          'An earlier authorisation was withdrawn.',
        ],
        operator_action:
          'Nothing to do in this console. The stock’s creator must authorise the issuing merchant ID first, or the coupons must be issued with the creator’s merchant ID.',
        support_script:
          'This message means coupons of this stock were issued with a merchant ID the stock is not authorised for, so WeChat Pay blocked them; it has nothing to do with which products the coupon applies to. Please ask the stock’s creator to authorise that merchant ID, then issue again.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
  {
    id: 'upstream.REQUEST_BLOCKED.user_limit_reached',
    source: 'upstream',
    match: { status: 403, code: 'REQUEST_BLOCKED', message: '用户被限领拦截' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '顾客已达领券上限（不是本控制台查询产生的错误）',
        what_happened: `微信支付提示“用户被限领拦截”：这位顾客在这个批次已领满单个用户可领的张数，这次发券被拦截。${NOT.zh}它来自给顾客发券的接口。`,
        causes: ['顾客已领满该批次的单人限领张数', '批次设置的单人限领张数较低'],
        operator_action:
          '本控制台无需任何操作。如果活动允许，可以调高批次的单人限领张数（批次详情中的“单个用户可领个数”）；否则停止向这位顾客发放。',
        support_script:
          '您好，这个活动每位顾客可以领取的券数量有上限，您已经领满了，所以这次没有领到。您已经领到的券可以正常使用。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Customer reached the claim limit (not an error of this console’s lookups)',
        what_happened: `WeChat Pay said the user was blocked by the claim limit: this customer already holds as many coupons of this stock as one person may claim, so the issue was blocked. ${NOT.en} It comes from the API that issues coupons to customers.`,
        causes: [
          'The customer has claimed the most coupons of this stock one person may have.',
          'The stock’s per-customer limit is set low.',
        ],
        operator_action:
          'Nothing to do in this console. If the campaign allows it, raise the stock’s per-customer limit (max coupons per user in the stock details); otherwise stop issuing to this customer.',
        support_script:
          'Each customer can claim only a limited number of coupons in this campaign, and you have reached that number, so this one was not added. The coupons you already have can be used as usual.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
];
