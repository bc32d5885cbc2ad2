// @vitest-environment node
import type { Explanation } from 'server/contract';
import { describe, expect, it } from 'vitest';
import { explanationById } from './explanations';

const text = {
  title: 't',
  what_happened: 'w',
  causes: ['c'],
  operator_action: 'o',
  support_script: 's',
  quote_to_wechatpay: 'q',
};

function entry(id: string, match: Explanation['match']): Explanation {
  const source = id.split('.')[0] as Explanation['source'];
  return {
    id,
    source,
    match,
    retryable: false,
    producible_by_lookup: true,
    texts: { 'zh-CN': { ...text, title: `${id} zh` }, en: { ...text, title: `${id} en` } },
  };
}

const catalog = [
  entry('upstream.status_404', { status: 404 }),
  entry('upstream.resource_not_exists', { code: 'RESOURCE_NOT_EXISTS' }),
  entry('upstream.resource_not_exists.stock', {
    code: 'RESOURCE_NOT_EXISTS',
    message: '批次不存在',
  }),
  entry('client.bad_signature', {}),
];

describe('explanationById', () => {
  it('finds the entry the wire error names', () => {
    expect(explanationById(catalog, 'client.bad_signature')?.texts.en.title).toBe(
      'client.bad_signature en',
    );
    expect(explanationById(catalog, 'client.nope')).toBeUndefined();
  });
});
