import type { Explanation } from '../contract/explanation';
import { NOT_FOR_WECHATPAY } from './phrases';

/** Refusals that keep sign-in safe from strangers: a busy password check, a guessable password. */
export const signInAbuseErrors: Explanation[] = [
  {
    id: 'api.sign_in_busy',
    source: 'api',
    match: { status: 503, code: 'SIGN_IN_BUSY' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '登录的人太多，请稍后再试',
        what_happened:
          '为了保护账号，控制台核对每个密码都要花费较多计算。同时等待核对的登录太多，这次登录没有被处理，密码也没有被核对，不算一次失败的登录。已经登录的人不受影响。',
        causes: [
          '很多人在同一时间登录',
          '有人或脚本在大量尝试登录（可能是攻击），控制台限制了同时核对的数量，以免拖慢其他功能',
        ],
        operator_action:
          '等待错误详情中提示的秒数后再登录。持续出现时，请技术人员查看审计记录中的失败登录来自哪些地址。',
        support_script: '我们的系统这会儿登录的人比较多，请稍等片刻，我登录后马上为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Too many sign-ins at once: try again shortly',
        what_happened:
          'Checking a password deliberately takes a lot of computing, to protect the accounts. Too many sign-ins were waiting to be checked, so this one was not processed: the password was not checked and it does not count as a failed sign-in. People already signed in are not affected.',
        causes: [
          'Many people signing in at the same moment.',
          'Someone or a script trying many sign-ins (possibly an attack); the console limits how many it checks at once so the rest of it stays fast.',
        ],
        operator_action:
          'Wait the seconds the error details give, then sign in again. If it keeps happening, ask the technical team to look at where the failed sign-ins in the audit trail come from.',
        support_script:
          'Our system is busy with sign-ins right now; please give me a moment and I will look it up for you as soon as I am in.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.password_refused',
    source: 'api',
    match: { status: 400, code: 'PASSWORD_REFUSED' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '这个密码太容易被猜到',
        what_happened:
          '控制台没有接受这个新密码。密码至少要 12 个字符，不能是常见密码或其简单变形，也不能等于或包含用户名。错误详情中的规则说明了是哪一条。账号没有被修改。',
        causes: [
          '密码少于 12 个字符',
          '密码是常见密码、常见单词或键盘上相邻的按键（例如 password123、qwertyuiop）',
          '密码等于或包含用户名',
        ],
        operator_action:
          '换一个更长、不常见的密码，例如由四五个不相关的词组成的短语，再提交。不要在密码中使用用户名。',
        support_script: '为了账号安全，这个密码不能使用。我们会换一个更安全的密码，请稍等。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'That password is too easy to guess',
        what_happened:
          'The console did not accept this new password. A password needs at least 12 characters, must not be a common password or a simple variation of one, and must not be or contain the username. The rule in the error details says which one it broke. The account was not changed.',
        causes: [
          'The password has fewer than 12 characters.',
          'It is a common password, a common word or a run of neighbouring keys (such as password123 or qwertyuiop).',
          'It is the username or contains it.',
        ],
        operator_action:
          'Choose a longer, uncommon password, for example a phrase of four or five unrelated words, and submit again. Leave the username out of it.',
        support_script:
          'For the account’s safety that password cannot be used; we will choose a safer one. Please bear with us a moment.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
];
