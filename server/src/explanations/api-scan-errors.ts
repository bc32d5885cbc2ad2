import type { Explanation } from '../contract/explanation';
import { NOT_FOR_WECHATPAY } from './phrases';

/** Our own API's errors about scans, upload size and our own failures. */
export const apiScanErrors: Explanation[] = [
  {
    id: 'api.scan_not_started',
    source: 'api',
    match: { status: 409, code: 'SCAN_NOT_STARTED' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请先扫描这个批次',
        what_happened:
          '要在批次的全部可用商品中搜索或核对商品编码，控制台需要先把这个批次的商品编码完整读取一遍（扫描）。这个批次还没有扫描过，或上次的扫描结果已经不在了。',
        causes: ['这个批次还没有扫描过', '控制台重启后，之前的扫描结果被清除了'],
        operator_action:
          '先对这个批次执行一次扫描，完成后再搜索或核对。商品很多的批次扫描需要一些时间，页面会显示进度。',
        support_script:
          '我们需要先把这个批次的适用商品完整读取一遍，稍等几分钟，读取完我们马上帮您核对。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Scan this stock first',
        what_happened:
          'To search or check product codes across all of a stock’s products, the console must first read the stock’s full list of codes (a scan). This stock has not been scanned yet, or its last scan result is gone.',
        causes: [
          'This stock has not been scanned yet.',
          'The console restarted and earlier scan results were cleared.',
        ],
        operator_action:
          'Run a scan of this stock, then search or check again. Stocks with many products take a while to scan; the page shows the progress.',
        support_script:
          'We first need to read the full list of products this stock applies to. Please give us a few minutes; once that is done we will check it for you.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.scan_interrupted',
    source: 'api',
    match: { status: 503, code: 'SCAN_INTERRUPTED' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '扫描中途停止，结果不完整',
        what_happened:
          '这个批次的扫描没有读完全部商品编码就停止了，已读取的部分不能代表批次的全部适用商品。所以控制台不会据此回答“某个商品是否适用”，以免给出错误的结论。',
        causes: [
          '扫描过程中微信支付暂时不可用、持续限频，或返回了无法核验的回复',
          '控制台服务在扫描过程中重启',
          '扫描被人为取消',
        ],
        operator_action:
          '重新开始扫描。如果扫描反复在同一处停止，请查看扫描记录中的错误说明（包括微信支付的 Request-ID），按那条说明处理。',
        support_script:
          '我们读取这个批次的适用商品时中途断开了，结果还不完整，为避免给您错误的答复，我们重新读取一遍，完成后马上告诉您。',
        quote_to_wechatpay:
          '扫描中断本身不需要联系微信支付。如果中断是由微信支付的错误引起的，请按扫描记录中那条错误的说明联系，并提供其中的 Request-ID、商户号、批次号和发生时间。',
      },
      en: {
        title: 'Scan stopped part-way: results incomplete',
        what_happened:
          'The scan of this stock stopped before it had read all the product codes, so what it read does not stand for everything the stock applies to. The console therefore will not answer whether a product is covered, to avoid a wrong conclusion.',
        causes: [
          'During the scan WeChat Pay was temporarily unavailable, kept rate-limiting, or sent an answer that failed verification.',
          'The console service restarted during the scan.',
          'Someone cancelled the scan.',
        ],
        operator_action:
          'Start the scan again. If it keeps stopping at the same point, read the error recorded with the scan (including WeChat Pay’s Request-ID) and follow its explanation.',
        support_script:
          'Reading the products this stock applies to was cut off part-way, so the result is incomplete. To avoid giving you a wrong answer we are reading it again and will tell you as soon as it is done.',
        quote_to_wechatpay:
          'An interrupted scan needs no call to WeChat Pay by itself. If a WeChat Pay error caused it, follow that error’s explanation in the scan record and quote its Request-ID, the merchant ID, the stock ID and the time.',
      },
    },
  },
  {
    id: 'api.payload_too_large',
    source: 'api',
    match: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '一次提交的内容太多',
        what_happened:
          '这次提交的内容超过了控制台一次能接收的大小，没有被处理。核对商品时，一次最多可以提交 10,000 个商品编码。',
        causes: ['一次粘贴或上传的商品编码超过 10,000 个', '粘贴的内容里混入了大量其他文字'],
        operator_action: '把商品编码分成几批（每批不超过 10,000 个）分别核对。',
        support_script: '您发来的商品清单比较长，我们分几批帮您核对，稍等片刻。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Too much submitted at once',
        what_happened:
          'This submission is larger than the console accepts in one go, so it was not processed. A product check takes at most 10,000 product codes at a time.',
        causes: [
          'More than 10,000 product codes were pasted or uploaded at once.',
          'The pasted text contains a lot besides the product codes.',
        ],
        operator_action:
          'Split the product codes into batches of at most 10,000 and check each batch.',
        support_script:
          'Your product list is quite long, so we will check it in a few batches; please bear with us.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.shared_store_unavailable',
    source: 'api',
    match: { status: 503, code: 'SHARED_STORE_UNAVAILABLE' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '控制台的共享存储暂时连不上',
        what_happened:
          '控制台由多台服务器共同提供服务，它们通过共享存储（Redis 或 PostgreSQL）共用扫描结果、登录状态、审计记录和微信支付的调用额度。这次请求需要的共享存储暂时没有应答，所以控制台没有处理它，也没有调用微信支付。这与您的批次和微信支付无关。',
        causes: ['共享存储正在重启或维护', '控制台服务器与共享存储之间的网络中断'],
        operator_action:
          '稍等半分钟再试。共享存储恢复后控制台会自动重新连上，无需任何操作。如果持续超过几分钟，请通知控制台的运维人员检查 Redis / PostgreSQL。',
        support_script:
          '我们的查询系统刚好在短暂维护，暂时查不了，请稍等一两分钟，恢复后我们马上为您核对。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'The console’s shared store is not reachable right now',
        what_happened:
          'The console runs on several servers that share scan results, sign-ins, the audit trail and the WeChat Pay call budget through a shared store (Redis or PostgreSQL). The store this request needs did not answer in time, so the console did not handle the request and did not call WeChat Pay. This has nothing to do with the stock or with WeChat Pay.',
        causes: [
          'The shared store is restarting or under maintenance.',
          'The network between the console’s servers and the shared store is down.',
        ],
        operator_action:
          'Wait half a minute and try again. The console reconnects by itself as soon as the store is back; nothing needs to be done. If it lasts more than a few minutes, ask whoever runs the console to check Redis / PostgreSQL.',
        support_script:
          'Our lookup system is briefly unavailable. Please give us a minute or two; we will check it for you as soon as it is back.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.internal',
    source: 'api',
    match: { status: 500, code: 'INTERNAL' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '控制台内部出错',
        what_happened:
          '控制台处理这次请求时出现了意外错误。这是控制台自身的问题，与您的批次和微信支付无关。',
        causes: ['控制台程序缺陷', '控制台依赖的服务暂时不可用'],
        operator_action: '稍后重试一次。仍然出错时，把发生时间和错误详情交给控制台的技术团队。',
        support_script:
          '我们这边系统出了点问题，暂时查不了，已经转给技术同事处理。恢复后我们马上为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Internal error in the console',
        what_happened:
          'The console hit an unexpected error while handling this request. The problem is in the console itself and has nothing to do with the stock or with WeChat Pay.',
        causes: [
          'A bug in the console.',
          'A service the console depends on is temporarily unavailable.',
        ],
        operator_action:
          'Try once more in a moment. If it fails again, give the time and the error details to the console’s technical team.',
        support_script:
          'Our system has a problem and cannot look this up right now; I have passed it to our technical team. We will look it up for you as soon as it is working again.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
];
