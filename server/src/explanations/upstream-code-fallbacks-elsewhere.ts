import type { Explanation } from '../contract/explanation';
import { enQuoteElsewhere, NOT_FROM_THIS_LOOKUP as NOT, zhQuoteElsewhere } from './phrases';

/** Generic entries for codes only issuing APIs return, whatever the message. */
export const upstreamCodeFallbacksElsewhere: Explanation[] = [
  {
    id: 'upstream.APPID_MCHID_NOT_MATCH',
    source: 'upstream',
    match: { status: 400, code: 'APPID_MCHID_NOT_MATCH' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '商户号与 appid 不匹配（不是本控制台查询产生的错误）',
        what_happened: `微信支付返回 APPID_MCHID_NOT_MATCH。${NOT.zh}它来自发放代金券等需要 appid 的接口：调用的商户号与请求里的公众号或小程序 appid 没有关联。`,
        causes: ['公众号或小程序的 AppID 没有与这个商户号关联'],
        operator_action:
          '本控制台无需任何操作。请管理员在商户平台“产品中心 › AppID账号管理”中关联该 appid 后，再调用那个接口。',
        support_script:
          '这个提示是贵方发券时使用的公众号或小程序和商户号没有关联，与代金券适用哪些商品无关。请管理员在商户平台完成关联后再发券。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Merchant ID and appid do not match (not an error of this console’s lookups)',
        what_happened: `WeChat Pay answered APPID_MCHID_NOT_MATCH. ${NOT.en} It comes from APIs that take an appid, such as issuing a coupon: the calling merchant ID is not linked to the Official Account or Mini Program appid in the request.`,
        causes: ['The Official Account or Mini Program AppID is not linked to this merchant ID.'],
        operator_action:
          'Nothing to do in this console. Ask an administrator to link the appid in the Merchant Platform (Product Center, AppID Account Management), then call that API again.',
        support_script:
          'This message means the Official Account or Mini Program used to issue coupons is not linked to your merchant ID; it has nothing to do with which products the coupon applies to. Please ask your administrator to link them, then issue again.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
  {
    id: 'upstream.USER_ACCOUNT_ABNORMAL',
    source: 'upstream',
    match: { status: 403, code: 'USER_ACCOUNT_ABNORMAL' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '顾客账号异常（不是本控制台查询产生的错误）',
        what_happened: `微信支付返回 USER_ACCOUNT_ABNORMAL：某位顾客的微信支付账号被判定为异常。${NOT.zh}它来自给顾客发券等针对具体顾客的接口。`,
        causes: ['微信支付的安全风控判定这个账号存在异常'],
        operator_action:
          '本控制台无需任何操作，商户也无法解除。可以联系微信支付说明情况，或请顾客本人联系微信支付客服（电话 95017）。',
        support_script:
          '您好，微信支付提示您的账号状态异常，暂时无法领取代金券。这是微信支付的账号安全判断，我们这边看不到原因，也无法解除，建议您联系微信支付客服（电话 95017）咨询。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Customer account restricted (not an error of this console’s lookups)',
        what_happened: `WeChat Pay answered USER_ACCOUNT_ABNORMAL: a customer’s WeChat Pay account was judged abnormal. ${NOT.en} It comes from APIs about one customer, such as issuing a coupon.`,
        causes: ['WeChat Pay’s risk control flagged the account.'],
        operator_action:
          'Nothing to do in this console, and the merchant cannot lift it. The merchant may contact WeChat Pay, or the customer may call WeChat Pay customer service (95017).',
        support_script:
          'WeChat Pay says your account is restricted for now and cannot receive coupons. This is WeChat Pay’s own security decision: we cannot see the reason or lift it. Please contact WeChat Pay customer service (95017) about it.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
  {
    id: 'upstream.NOT_ENOUGH',
    source: 'upstream',
    match: { status: 403, code: 'NOT_ENOUGH' },
    retryable: false,
    producible_by_lookup: false,
    texts: {
      'zh-CN': {
        title: '批次余量不足（不是本控制台查询产生的错误）',
        what_happened: `微信支付返回 NOT_ENOUGH：批次的预算或可发数量不够，不能再发券。${NOT.zh}它来自发放代金券的接口。已经发出去的券照常有效。`,
        causes: ['批次预算或可发数量已经用完'],
        operator_action:
          '本控制台无需任何操作。如需继续发券，请在商户平台“营销中心 › 代金券”为批次补充预算；否则停止发放。',
        support_script:
          '这个批次的券已经发完了，所以新的领取没有成功。已经领到券的顾客不受影响，可以照常使用。',
        quote_to_wechatpay: zhQuoteElsewhere('发放代金券'),
      },
      en: {
        title: 'Stock has run out (not an error of this console’s lookups)',
        what_happened: `WeChat Pay answered NOT_ENOUGH: the stock’s budget or remaining quantity is too low to issue more coupons. ${NOT.en} It comes from the API that issues coupons. Coupons already issued stay valid.`,
        causes: ['The stock’s budget or quantity is used up.'],
        operator_action:
          'Nothing to do in this console. To keep issuing, top up the stock’s budget in the Merchant Platform (Marketing Center, Vouchers); otherwise stop issuing.',
        support_script:
          'All the coupons in this campaign have been given out, so new claims do not go through. Anyone who already has a coupon can use it as usual.',
        quote_to_wechatpay: enQuoteElsewhere('issue coupon'),
      },
    },
  },
];
