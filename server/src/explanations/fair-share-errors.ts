import type { Explanation } from '../contract/explanation';
import { NOT_FOR_WECHATPAY } from './phrases';

/** Our own API's refusal when one person's share of the WeChat Pay budget is used up. */
export const fairShareErrors: Explanation[] = [
  {
    id: 'api.user_budget_exceeded',
    source: 'api',
    match: { status: 429, code: 'USER_BUDGET_EXCEEDED' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '您同时进行的查询或扫描太多，请稍候',
        what_happened:
          '所有使用者共用控制台调用微信支付的额度。为了不让一个人占满额度、耽误其他人，控制台限制了每个人同时进行的查询数量和同时开始的扫描数量（整个控制台也有总上限）。您的份额已经用满，所以这次请求没有被处理，也没有调用微信支付。已经在进行的查询和扫描不受影响。',
        causes: [
          '同一个账号同时打开了很多页面，或反复刷新',
          '同一个账号同时开始了好几个批次的扫描，它们还没有完成',
          '有脚本或批量工具在用这个账号发请求',
          '很多人同时在使用控制台，整体额度已满',
        ],
        operator_action:
          '等待错误详情中提示的秒数后再试（页面会倒计时）。要扫描更多批次，请等正在进行的扫描完成，或在扫描进度里查看预计剩余时间。如果您并没有发出这么多请求，请把发生时间告诉控制台管理员，检查是否有脚本在使用您的账号。',
        support_script:
          '我们这边正在同时处理好几项查询，系统让我们稍等片刻再查，大约几秒到一分钟，查到后马上告诉您。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Too many of your lookups or scans at once: please wait',
        what_happened:
          'Everyone shares the console’s WeChat Pay call budget. So that one person cannot fill it and hold up everyone else, the console limits how many lookups each person has in progress at once and how many scans each person has running (with an overall limit for the whole console too). Your share is used up, so this request was not processed and WeChat Pay was not called. Lookups and scans already in progress carry on.',
        causes: [
          'This account opened many pages at once, or kept refreshing.',
          'This account started scans of several stocks that have not finished yet.',
          'A script or bulk tool is sending requests with this account.',
          'Many people are using the console at once and the overall limit is full.',
        ],
        operator_action:
          'Wait the number of seconds the error details give (the page counts down), then try again. To scan more stocks, wait until a running scan finishes; its progress shows the time left. If you did not send this many requests, tell the console administrator when it happened so they can check whether a script is using your account.',
        support_script:
          'We are handling several lookups at once and the system asks us to wait a moment; it takes a few seconds to a minute, and we will tell you as soon as we have it.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
];
