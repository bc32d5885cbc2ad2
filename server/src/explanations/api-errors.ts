import type { Explanation } from '../contract/explanation';
import { NOT_FOR_WECHATPAY } from './phrases';

/** Our own API's refusals about the caller: input, sign-in, role, route, pace. */
export const apiErrors: Explanation[] = [
  {
    id: 'api.invalid_input',
    source: 'api',
    match: { status: 400, code: 'INVALID_INPUT' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '填写的内容不符合要求',
        what_happened:
          '控制台没有接受这次提交，因为其中一项不符合规则。错误详情列出了是哪一项（字段）、要求是什么（规则）以及填写的值。这个请求没有发送给微信支付。',
        causes: [
          '批次号或商户号格式不对，例如带了空格、字母或位数过多',
          '要核对的商品编码为空，或超过 128 个字符',
          '页码、每页条数等参数超出了允许的范围',
        ],
        operator_action: '按错误详情中的规则修改那一项后重新提交。',
        support_script:
          '您提供的信息里有一项格式不太对，例如批次号多了空格或位数不对。麻烦您核对后重新发给我们，我们马上处理。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Something entered does not meet the rules',
        what_happened:
          'The console did not accept this request because one field breaks a rule. The error details name the field, the rule and the value entered. Nothing was sent to WeChat Pay.',
        causes: [
          'A stock ID or merchant ID is malformed: spaces, letters, or too many digits.',
          'A product code to check is empty or longer than 128 characters.',
          'A page number, page size or similar parameter is out of range.',
        ],
        operator_action: 'Fix the field as the rule in the error details says and submit again.',
        support_script:
          'One of the details you gave us does not look quite right; for example the stock ID may have a space or a digit too many. Could you check it and send it again? We will take it from there.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.unauthenticated',
    source: 'api',
    match: { status: 401, code: 'UNAUTHENTICATED' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '没有登录或登录已过期',
        what_happened: '控制台无法确认您的身份：您还没有登录，或者登录已经过期。',
        causes: [
          '登录时间过长，已自动过期',
          '在其他页面或设备上退出了登录',
          '浏览器清除了登录信息',
        ],
        operator_action: '重新登录后再操作。如果刚登录又马上出现，请联系控制台管理员。',
        support_script: '我们这边的系统需要重新登录，请稍等片刻，登录后马上为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Not signed in, or the session has expired',
        what_happened:
          'The console cannot tell who you are: you are not signed in, or your session has expired.',
        causes: [
          'The session was open too long and expired.',
          'You signed out in another tab or on another device.',
          'The browser cleared its sign-in data.',
        ],
        operator_action:
          'Sign in again and retry. If it happens again right after signing in, contact the console administrator.',
        support_script:
          'Our system needs me to sign in again; please give me a moment and I will look it up for you right after.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.forbidden',
    source: 'api',
    match: { status: 403, code: 'FORBIDDEN' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '当前角色不能执行这项操作',
        what_happened:
          '您已经登录，但当前账号的角色没有这项操作的权限，控制台拒绝了请求。这是控制台自身的权限设置，与微信支付的商户权限无关。',
        causes: ['账号的角色只能查看，不能执行这项操作', '角色权限最近被管理员调整过'],
        operator_action: '请有权限的同事操作，或联系控制台管理员为您的账号分配合适的角色。',
        support_script:
          '这项操作需要其他同事来处理，我已经转交给有权限的同事，处理好后会尽快回复您。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Your role cannot do this',
        what_happened:
          'You are signed in, but your account’s role does not allow this action, so the console refused it. This is the console’s own permission setting, unrelated to the merchant’s permissions at WeChat Pay.',
        causes: [
          'Your role may view but not perform this action.',
          'An administrator recently changed the role’s permissions.',
        ],
        operator_action:
          'Ask a colleague who has the permission, or ask the console administrator to give your account a suitable role.',
        support_script:
          'This needs a colleague with the right access. I have passed it on to them and we will get back to you as soon as it is done.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.not_found',
    source: 'api',
    match: { status: 404, code: 'NOT_FOUND' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '控制台里没有这个页面或记录',
        what_happened:
          '控制台找不到请求的页面、接口或记录。这是控制台自身的提示，不是微信支付的“批次不存在”，请求没有发送给微信支付。',
        causes: ['链接输错，或来自旧版本的控制台', '要找的扫描记录已经被清理（例如控制台重启后）'],
        operator_action: '从控制台首页重新进入，重新输入批次号查询；需要扫描结果的，重新扫描一次。',
        support_script: '我们这边系统的页面需要刷新一下，请稍等，我们重新为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'No such page or record in the console',
        what_happened:
          'The console cannot find the page, endpoint or record asked for. This comes from the console itself, not from WeChat Pay (it is not WeChat Pay’s “stock not found”); nothing was sent to WeChat Pay.',
        causes: [
          'The link was mistyped or comes from an older version of the console.',
          'The scan record asked for has been cleared (after a console restart, say).',
        ],
        operator_action:
          'Start again from the console’s home page and enter the stock ID again; if you need scan results, run the scan again.',
        support_script:
          'Our system’s page needs a refresh; please give us a moment and we will look it up for you again.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.rate_limited',
    source: 'api',
    match: { status: 429, code: 'RATE_LIMITED' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '操作太频繁，请稍候',
        what_happened:
          '短时间内向控制台发出的请求太多，超过了控制台为每个使用者设定的上限，这次请求没有被处理。这是控制台自己的保护，不是微信支付的限频。',
        causes: ['短时间内反复点击或刷新', '同一网络下的多人或脚本在同时使用控制台'],
        operator_action: '等待错误详情中提示的时间（通常不到一分钟）后再操作，不要反复点击。',
        support_script: '系统提示我们操作太快了，请稍等片刻，我们马上为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Too many requests: please wait',
        what_happened:
          'Too many requests reached the console in a short time, over the limit it sets for each user, so this one was not processed. This is the console’s own protection, not WeChat Pay’s rate limit.',
        causes: [
          'Repeated clicking or refreshing in a short time.',
          'Several people or scripts on the same network using the console at once.',
        ],
        operator_action:
          'Wait as long as the error details say (usually under a minute), then try again; avoid clicking repeatedly.',
        support_script:
          'Our system asks us to slow down for a moment; we will look it up for you shortly.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
];
