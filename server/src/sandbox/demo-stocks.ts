import { SANDBOX_MCHID } from './constants';

export type StockKind = 'whole_store' | 'single_item' | 'not_voucher';
export type StockStatus = 'unactivated' | 'audit' | 'running' | 'stoped' | 'paused';

/** One stock of the sandbox's fixed data set; codes come from `seed` (see codes.ts). */
export interface StockRecord {
  id: string;
  name: string;
  kind: StockKind;
  status: StockStatus;
  creatorMchid: string;
  /** Number of product codes (0 for whole-store vouchers and non-vouchers). */
  size: number;
  seed: number;
  everyLength?: boolean;
  /** Amounts in fen (分), as WeChat Pay sends them. */
  couponAmount: number;
  transactionMinimum: number;
  maxCoupons: number;
  distributedCoupons: number;
  availableBegin: string;
  availableEnd: string;
  note: string;
}

const RUNNING = {
  availableBegin: '2025-11-01T00:00:00+08:00',
  availableEnd: '2027-12-31T23:59:59+08:00',
};
const ENDED = {
  availableBegin: '2025-03-01T00:00:00+08:00',
  availableEnd: '2025-06-30T23:59:59+08:00',
};

function stock(fields: Omit<StockRecord, 'creatorMchid'>): StockRecord {
  return { creatorMchid: SANDBOX_MCHID, ...fields };
}

/** The demo data set: one stock per situation the console must handle. Ids are stable. */
export const demoStockRecords: readonly StockRecord[] = [
  stock({
    id: '16000001',
    name: '双十一全场满100减10',
    kind: 'whole_store',
    status: 'running',
    size: 0,
    seed: 1,
    couponAmount: 1000,
    transactionMinimum: 10000,
    maxCoupons: 100000,
    distributedCoupons: 48213,
    ...RUNNING,
    note: 'Whole-store voucher: no item list, items answers total_count 0 and data [].',
  }),
  stock({
    id: '16000002',
    name: '鲜牛奶单品立减5元',
    kind: 'single_item',
    status: 'stoped',
    size: 1,
    seed: 2,
    couponAmount: 500,
    transactionMinimum: 501,
    maxCoupons: 2000,
    distributedCoupons: 2000,
    ...ENDED,
    note: 'Single-item voucher with exactly one code; the stock has ended (stoped).',
  }),
  stock({
    id: '16000003',
    name: '零食专区满30减5',
    kind: 'single_item',
    status: 'running',
    size: 57,
    seed: 3,
    couponAmount: 500,
    transactionMinimum: 3000,
    maxCoupons: 50000,
    distributedCoupons: 12840,
    ...RUNNING,
    note: '57 codes: one page at limit 100, six pages at limit 10.',
  }),
  stock({
    id: '16000004',
    name: '日化用品满50减8',
    kind: 'single_item',
    status: 'paused',
    size: 250,
    seed: 4,
    couponAmount: 800,
    transactionMinimum: 5000,
    maxCoupons: 30000,
    distributedCoupons: 7311,
    ...RUNNING,
    note: '250 codes across three full pages; the stock is paused.',
  }),
  stock({
    id: '16000005',
    name: '全品类满99减15',
    kind: 'single_item',
    status: 'running',
    size: 5000,
    seed: 5,
    everyLength: true,
    couponAmount: 1500,
    transactionMinimum: 9900,
    maxCoupons: 200000,
    distributedCoupons: 91552,
    ...RUNNING,
    note: '5,000 codes including one of every length 1..128: a full scan is 50 pages of 100.',
  }),
  stock({
    id: '16000006',
    name: '超市海量单品满20减3',
    kind: 'single_item',
    status: 'running',
    size: 60000,
    seed: 6,
    couponAmount: 300,
    transactionMinimum: 2000,
    maxCoupons: 1000000,
    distributedCoupons: 402117,
    ...RUNNING,
    note: '60,000 codes: more than the API exposes (50,100 with page offsets, 600 with item offsets).',
  }),
  stock({
    id: '16000007',
    name: '到店支付立减2元',
    kind: 'not_voucher',
    status: 'running',
    size: 0,
    seed: 7,
    couponAmount: 200,
    transactionMinimum: 0,
    maxCoupons: 10000,
    distributedCoupons: 3120,
    ...RUNNING,
    note: 'An instant-discount (DISCOUNT_CUT) stock: the items endpoint refuses it (400).',
  }),
];

/** What the web's "try these" list and tests need to know about each demo stock. */
export const demoStocks = demoStockRecords.map(({ id, name, size, kind, status, note }) => ({
  id,
  name,
  size,
  kind,
  status,
  note,
}));
