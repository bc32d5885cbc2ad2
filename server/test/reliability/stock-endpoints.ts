// Test-only: every /api/stocks endpoint with its one contract schema and a valid input to start
// hostile variations from. A route added to the stocks router belongs here too.
import fc from 'fast-check';
import type { z } from 'zod';
import {
  codesCsvQuerySchema,
  codesQuerySchema,
  coverageBodySchema,
  itemsQuerySchema,
  startScanBodySchema,
  stockQuerySchema,
} from '../../src/contract/stocks';
import { CREATOR } from './api-calls';
import { anyJson, hostileNumberText, hostileText } from './hostile-inputs';

export interface StockEndpoint {
  name: string;
  method: 'GET' | 'POST';
  /** What follows /api/stocks/{stock_id}. */
  suffix: string;
  /** The schema the route validates its query (GET) or JSON body (POST) with. */
  schema: z.ZodType;
  valid: Record<string, unknown>;
  /** What a broken client puts in each field. */
  hostile: Record<string, fc.Arbitrary<unknown>>;
}

const mchid = { stock_creator_mchid: CREATOR };
const hostileMchid = { stock_creator_mchid: fc.oneof(hostileText, anyJson) };
const longQuery = fc.string({ unit: 'grapheme-ascii', minLength: 129, maxLength: 3_000 });
const get = (name: string, suffix: string, schema: z.ZodType, valid = {}, hostile = {}) => ({
  name,
  method: 'GET' as const,
  suffix,
  schema,
  valid: { ...mchid, ...valid },
  hostile: { stock_creator_mchid: hostileText, ...hostile },
});

const codes = fc.oneof(
  anyJson,
  fc.array(fc.oneof(hostileText, anyJson), { maxLength: 5 }),
  fc.constantFrom<unknown>(
    [],
    ['x'.repeat(129)],
    ['   '],
    [''],
    Array.from({ length: 10_001 }, (_, i) => `C${i}`),
  ),
);

export const STOCK_ENDPOINTS: StockEndpoint[] = [
  get('stock details', '', stockQuerySchema),
  get(
    'one items page',
    '/items',
    itemsQuerySchema,
    { offset: '0', limit: '10' },
    { offset: hostileNumberText, limit: hostileNumberText },
  ),
  get('latest scan', '/scans/latest', stockQuerySchema),
  get('scan events', '/scans/latest/events', stockQuerySchema),
  get(
    'code search',
    '/codes',
    codesQuerySchema,
    { q: '', page: '1', page_size: '20' },
    { q: longQuery, page: hostileNumberText, page_size: hostileNumberText },
  ),
  get('codes CSV', '/codes.csv', codesCsvQuerySchema, { q: '' }, { q: longQuery }),
  {
    name: 'start a scan',
    method: 'POST',
    suffix: '/scans',
    schema: startScanBodySchema,
    valid: { ...mchid, refresh: false },
    hostile: { ...hostileMchid, refresh: anyJson },
  },
  {
    name: 'coverage',
    method: 'POST',
    suffix: '/coverage',
    schema: coverageBodySchema,
    valid: { ...mchid, codes: ['a'] },
    hostile: { ...hostileMchid, codes },
  },
  {
    name: 'coverage CSV',
    method: 'POST',
    suffix: '/coverage.csv',
    schema: coverageBodySchema,
    valid: { ...mchid, codes: ['a'] },
    hostile: { ...hostileMchid, codes },
  },
];
