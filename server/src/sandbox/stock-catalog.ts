import { generateCodes } from './codes';
import { SANDBOX_MCHID } from './constants';
import { demoStockRecords, type StockRecord } from './demo-stocks';
import { faultScenarios } from './fault-scenarios';

/** Fault scenarios answer like an ordinary 20-code single-item voucher when they do answer. */
const faultStockRecords: StockRecord[] = faultScenarios.map((scenario, i) => ({
  id: scenario.id,
  name: `故障演练券${String(i + 1).padStart(2, '0')}满10减1`,
  kind: 'single_item',
  status: 'running',
  creatorMchid: SANDBOX_MCHID,
  size: 20,
  seed: 1000 + i,
  couponAmount: 100,
  transactionMinimum: 1000,
  maxCoupons: 1000,
  distributedCoupons: 0,
  availableBegin: '2025-11-01T00:00:00+08:00',
  availableEnd: '2027-12-31T23:59:59+08:00',
  note: scenario.what,
}));

const byId = new Map([...demoStockRecords, ...faultStockRecords].map((s) => [s.id, s]));

export function findStock(id: string): StockRecord | undefined {
  return byId.get(id);
}

// Generated on first use: the 60,000-code stock costs tens of milliseconds, once per process.
const codeCache = new Map<string, readonly string[]>();

/** The stock's product codes in their stable order ([] for whole-store and non-vouchers). */
export function codesOf(stock: StockRecord): readonly string[] {
  if (stock.kind !== 'single_item') return [];
  let codes = codeCache.get(stock.id);
  if (!codes) {
    codes = generateCodes({ seed: stock.seed, count: stock.size, everyLength: stock.everyLength });
    codeCache.set(stock.id, codes);
  }
  return codes;
}
