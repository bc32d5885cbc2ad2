import type { Explanation } from '../contract/explanation';
import { NOT_FOR_WECHATPAY } from './phrases';

/**
 * Our own HTTP layer's refusals: requests the server cannot read (Node's 400, 408, 431), a
 * console address it does not serve, a request started by another site, and too many open
 * progress streams. None of them reaches WeChat Pay.
 */
export const httpHardeningErrors: Explanation[] = [
  {
    id: 'api.bad_request',
    source: 'api',
    match: { status: 400, code: 'BAD_REQUEST' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '控制台无法读懂这个请求',
        what_happened:
          '请求的格式不是有效的 HTTP 请求，控制台在读取它时就停止了，没有执行任何操作，也没有发送给微信支付。',
        causes: ['请求由脚本或工具拼写，格式有误', '网络中间设备（代理、网关）改坏了请求'],
        operator_action:
          '从控制台页面重新操作一次。若反复出现，请把时间和所用的浏览器或工具告诉控制台管理员。',
        support_script: '我们这边的系统刚才没有收到完整的请求，请稍等，我们重新为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'The console could not read this request',
        what_happened:
          'The request is not valid HTTP. The console stopped while reading it: nothing was done and nothing was sent to WeChat Pay.',
        causes: [
          'A script or tool wrote the request by hand and got its format wrong.',
          'Something on the network (a proxy, a gateway) damaged the request.',
        ],
        operator_action:
          'Try again from the console’s own pages. If it keeps happening, tell the console administrator the time and the browser or tool used.',
        support_script:
          'Our system did not receive the whole request just now; please give us a moment and we will look it up again.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.request_timeout',
    source: 'api',
    match: { status: 408, code: 'REQUEST_TIMEOUT' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请求发送得太慢，控制台不再等待',
        what_happened:
          '控制台在规定时间内没有收到完整的请求（请求头或上传的内容），为了不被慢速连接占满，它关闭了这次连接。没有执行任何操作，也没有发送给微信支付。',
        causes: ['网络很慢或不稳定', '上传的内容很大而网络很慢', '有人故意用慢速连接占用控制台'],
        operator_action:
          '网络恢复后重新操作一次。若在正常网络下反复出现，请控制台管理员检查请求超时设置（HTTP_REQUEST_TIMEOUT_MS、HTTP_HEADERS_TIMEOUT_MS）。',
        support_script: '我们这边的网络刚才有些慢，请稍等，我们重新为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'The request arrived too slowly',
        what_happened:
          'The console did not receive the whole request (its headers or its upload) in time and closed the connection, so slow connections cannot fill it up. Nothing was done and nothing was sent to WeChat Pay.',
        causes: [
          'The network is slow or unstable.',
          'A large upload over a slow network.',
          'Someone is holding the console’s connections open on purpose.',
        ],
        operator_action:
          'Try again once the network is back. If it keeps happening on a normal network, ask the console administrator to check the request timeouts (HTTP_REQUEST_TIMEOUT_MS, HTTP_HEADERS_TIMEOUT_MS).',
        support_script:
          'Our network was slow just now; please give us a moment and we will look it up again.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.headers_too_large',
    source: 'api',
    match: { status: 431, code: 'HEADERS_TOO_LARGE' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请求头太大',
        what_happened:
          '请求附带的请求头（通常是 Cookie）超过了控制台接受的大小，控制台没有读取它，也没有发送给微信支付。',
        causes: ['浏览器为这个网址保存了过多或过大的 Cookie', '脚本发送了异常大的请求头'],
        operator_action: '清除浏览器中这个控制台网址的 Cookie，重新登录后再试。',
        support_script: '我们这边的浏览器需要清理一下，请稍等，我们重新为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'The request headers are too large',
        what_happened:
          'The request’s headers (usually its cookies) are larger than the console accepts. The console did not read it, and nothing was sent to WeChat Pay.',
        causes: [
          'The browser keeps too many or too large cookies for this address.',
          'A script sent unusually large headers.',
        ],
        operator_action:
          'Clear this console address’s cookies in the browser, sign in again and retry.',
        support_script:
          'Our browser needs a quick clean-up; please give us a moment and we will look it up again.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.host_not_allowed',
    source: 'api',
    match: { status: 421, code: 'HOST_NOT_ALLOWED' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请使用控制台的正式网址',
        what_happened:
          '请求使用的网址（主机名）不在控制台允许的网址列表中，控制台拒绝回答，以防其他网站借用这个名字冒充控制台。没有发送给微信支付。',
        causes: [
          '通过 IP 地址、别名或旧网址打开了控制台',
          '控制台的 CONSOLE_PUBLIC_URL 设置没有包含大家使用的网址',
          '某个网站试图通过 DNS 重绑定访问控制台',
        ],
        operator_action:
          '用管理员给出的正式网址打开控制台。管理员：把这个网址加入 CONSOLE_PUBLIC_URL（多个网址用逗号分隔）后重启控制台。',
        support_script: '我们这边换用正式的系统地址，请稍等，我们重新为您查询。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Use the console’s own address',
        what_happened:
          'The request named a host that is not in the console’s list of addresses, so the console refused it: another site must not be able to pass itself off as the console. Nothing was sent to WeChat Pay.',
        causes: [
          'The console was opened through an IP address, an alias or an old address.',
          'CONSOLE_PUBLIC_URL does not list the address people use.',
          'A web site tried to reach the console through DNS rebinding.',
        ],
        operator_action:
          'Open the console at the address your administrator gave you. Administrators: add the address to CONSOLE_PUBLIC_URL (comma-separated) and restart the console.',
        support_script:
          'We are switching to the system’s proper address; please give us a moment and we will look it up again.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.cross_site_refused',
    source: 'api',
    match: { status: 403, code: 'CROSS_SITE_REFUSED' },
    retryable: false,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '请从控制台页面内操作',
        what_happened:
          '这个请求是由其他网站（例如邮件或聊天中的链接）发起的。导出和查询会以您的身份执行并记入审计，所以控制台只接受从它自己的页面发起的请求。没有发送给微信支付。',
        causes: [
          '点击了其他网站或消息中指向控制台导出、查询接口的链接',
          '某个网站试图冒用您的登录身份',
        ],
        operator_action: '打开控制台页面，在页面内重新查询或导出。',
        support_script: '我们在系统页面里重新为您查询一次，请稍等。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Start this from the console’s own pages',
        what_happened:
          'Another site (a link in an e-mail or a chat, say) started this request. Exports and lookups run as you and are audited, so the console only accepts them from its own pages. Nothing was sent to WeChat Pay.',
        causes: [
          'A link on another site or in a message pointed straight at a console export or lookup.',
          'A web site tried to act with your sign-in.',
        ],
        operator_action: 'Open the console and run the lookup or export from its pages.',
        support_script:
          'We will run the lookup again from our system’s own page; one moment please.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
  {
    id: 'api.too_many_streams',
    source: 'api',
    match: { status: 429, code: 'TOO_MANY_STREAMS' },
    retryable: true,
    producible_by_lookup: true,
    texts: {
      'zh-CN': {
        title: '打开的扫描进度太多',
        what_happened:
          '同一次登录同时打开的扫描进度（实时更新）已达上限。每个进度都占用控制台的一条连接，所以每次登录只能同时观看几个。',
        causes: ['在很多个浏览器标签页中同时打开了扫描进度', '脚本反复打开进度而不关闭'],
        operator_action: '关闭不再需要的标签页，稍后刷新这个页面即可继续看到进度。',
        support_script: '我们这边打开的页面太多了，关掉一些后马上为您继续查看。',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.zh,
      },
      en: {
        title: 'Too many scan progress views open',
        what_happened:
          'This sign-in already watches as many live scan progress views as it may. Each one holds a connection to the console, so one sign-in may watch only a few at a time.',
        causes: [
          'Scan progress is open in many browser tabs at once.',
          'A script keeps opening progress streams without closing them.',
        ],
        operator_action:
          'Close the tabs you no longer need, then reload this page to see the progress.',
        support_script:
          'We have too many pages open on our side; we will close some and carry on for you right away.',
        quote_to_wechatpay: NOT_FOR_WECHATPAY.en,
      },
    },
  },
];
