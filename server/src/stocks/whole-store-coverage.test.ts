import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/support/stocks-harness';
import { coverageResponseSchema } from '../contract/stocks';

const CREATOR = '1900000109';

// A dispute about a whole-store voucher must not be answered "not covered" because the stock
// has no item list: it applies to every product.
describe('coverage of a whole-store voucher', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const check = async (stockId: string, codes: string[]) => {
    const body = { stock_creator_mchid: CREATOR, codes };
    let answer = coverageResponseSchema
      .omit({ audit_id: true })
      .parse(
        (await request(h.app).post(`/api/stocks/${stockId}/coverage`).send(body).expect(200)).body,
      );
    // The first check may start the scan; check again once it has finished.
    for (let i = 0; i < 50 && answer.evidence.scan_state === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = coverageResponseSchema
        .omit({ audit_id: true })
        .parse(
          (await request(h.app).post(`/api/stocks/${stockId}/coverage`).send(body).expect(200))
            .body,
        );
    }
    return answer;
  };

  it('answers covered for every code, and says why', async () => {
    const answer = await check('16000001', ['ANY-CODE-1', 'ANY-CODE-2']);
    expect(answer.counts).toEqual({ covered: 2, not_covered: 0, unknown: 0 });
    expect(answer.evidence).toMatchObject({ whole_store: true, total_count: 0, complete: true });
  });

  it('still answers not_covered for a single-item voucher that lacks the code', async () => {
    const answer = await check('16000003', ['NOT-A-REAL-CODE']);
    expect(answer.counts).toEqual({ covered: 0, not_covered: 1, unknown: 0 });
    expect(answer.evidence.whole_store).toBe(false);
  });
});
