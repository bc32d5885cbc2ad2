export interface ErrorRow {
  status: number;
  code: string;
  message: string;
}

export interface ErrorScenario {
  /** A reserved stock id: items and stock details both answer `row` for it, any creator mchid. */
  id: string;
  row: ErrorRow;
  what: string;
  /** When the sandbox also answers this row for a real reason, which reason. */
  alsoWhen?: string;
}

type Entry = [status: number, code: string, message: string, what: string, alsoWhen?: string];

// The 23 rows of the error table in test/vectors/wechatpay-favor-stock-items.md, in its order.
// "Shared table" marks rows of the marketing APIs' common table that this GET cannot produce.
const TABLE: readonly Entry[] = [
  [400, 'PARAM_ERROR', '回调url不能为空', 'Callback URL must not be empty (shared table).'],
  [400, 'PARAM_ERROR', '回调商户不能为空', 'Callback merchant must not be empty (shared table).'],
  [400, 'PARAM_ERROR', '券id必填', 'Coupon id is required (shared table).'],
  [400, 'PARAM_ERROR', 'appid必填', 'appid is required (shared table).'],
  [400, 'PARAM_ERROR', 'openid必填', 'openid is required (shared table).'],
  [
    400,
    'PARAM_ERROR',
    '页大小超过阈值',
    'Page size over the limit.',
    'limit is above 100 or below 1',
  ],
  [400, 'PARAM_ERROR', '输入时间格式错误', 'Wrong time format (shared table).'],
  [400, 'PARAM_ERROR', '批次号必填', 'Stock id is required.', 'the stock id path segment is empty'],
  [
    400,
    'PARAM_ERROR',
    '商户号必填',
    'Creator mchid is required.',
    'stock_creator_mchid is missing',
  ],
  [400, 'PARAM_ERROR', '非法的批次状态', 'Invalid stock status.', 'items of a DISCOUNT_CUT stock'],
  [400, 'MCH_NOT_EXISTS', '商户号不合法', 'Merchant id is not valid.'],
  [400, 'INVALID_REQUEST', 'openid与appid不匹配', 'openid not of this appid (shared table).'],
  [400, 'INVALID_REQUEST', '活动已结束或未激活', 'Activity ended or not activated.'],
  [400, 'INVALID_REQUEST', '非法的商户号', 'Illegal merchant id.'],
  [
    400,
    'APPID_MCHID_NOT_MATCH',
    '商户号与appid不匹配',
    'mchid and appid not bound (shared table).',
  ],
  [403, 'USER_ACCOUNT_ABNORMAL', '用户非法', 'User account abnormal (shared table).'],
  [403, 'NOT_ENOUGH', '批次预算不足', 'Stock budget exhausted (shared table).'],
  [403, 'REQUEST_BLOCKED', '调用商户无权限', 'Caller lacks the product permission.'],
  [403, 'REQUEST_BLOCKED', '商户无权发券', 'Not this merchant’s stock.', 'another creator mchid'],
  [
    403,
    'REQUEST_BLOCKED',
    '批次不支持跨商户发券',
    'Not authorised across merchants (shared table).',
  ],
  [403, 'REQUEST_BLOCKED', '用户被限领拦截', 'Per-user claim limit reached (shared table).'],
  [404, 'RESOURCE_NOT_EXISTS', '批次不存在', 'Stock does not exist.', 'any unknown stock id'],
  [
    429,
    'FREQUENCY_LIMIT_EXCEED',
    '接口限频',
    'Rate limited, on every call.',
    'over the rate limits',
  ],
];

/** One reserved stock id per row of the documented error table: 9900000001 … 9900000023. */
export const errorScenarios: readonly ErrorScenario[] = TABLE.map(
  ([status, code, message, what, alsoWhen], i) => ({
    id: `99000000${String(i + 1).padStart(2, '0')}`,
    row: { status, code, message },
    what,
    ...(alsoWhen ? { alsoWhen } : {}),
  }),
);

export const findErrorScenario = (id: string) => errorScenarios.find((s) => s.id === id);

/** A row of the documented table by its message (throws at load time if the table lacks it). */
export function tableRow(message: string): ErrorRow {
  const found = errorScenarios.find((s) => s.row.message === message);
  if (!found) throw new Error(`no error table row says ${message}`);
  return found.row;
}
