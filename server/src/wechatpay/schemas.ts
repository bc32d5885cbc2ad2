import { z } from 'zod';

const uint = z.number().int().min(0).max(4_294_967_295);
const productCode = z.string().min(1).max(128);

/**
 * 200 body of GET /v3/marketing/favor/stocks/{stock_id}/items. `data` may be missing or null
 * only when the stock has no codes; a page never repeats a code nor exceeds its own limit or
 * total_count.
 */
export const itemsPageSchema = z
  .looseObject({
    total_count: uint,
    data: z.array(productCode).max(100).nullish(),
    offset: uint,
    limit: uint,
    stock_id: z.string(),
  })
  .superRefine((page, ctx) => {
    const data = page.data ?? [];
    if (page.data == null && page.total_count > 0) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'missing while total_count > 0' });
    }
    if (data.length > page.limit) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'more codes than the page limit' });
    }
    if (data.length > page.total_count) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'more codes than total_count' });
    }
    if (new Set(data).size !== data.length) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'a code repeats within the page' });
    }
  })
  .transform((page) => ({ ...page, data: page.data ?? [] }));
export type ItemsPage = z.infer<typeof itemsPageSchema>;

/** 200 body of GET /v3/marketing/favor/stocks/{stock_id}: strict on what we use, lenient on the rest. */
export const stockDetailsSchema = z.looseObject({
  stock_id: z.string(),
  stock_creator_mchid: z.string(),
  stock_name: z.string(),
  status: z.enum(['unactivated', 'audit', 'running', 'stoped', 'paused']),
  stock_type: z.enum(['NORMAL', 'DISCOUNT_CUT', 'OTHER']),
  singleitem: z.boolean(),
  available_begin_time: z.string(),
  available_end_time: z.string(),
  distributed_coupons: uint.optional(),
  stock_use_rule: z.looseObject({}).optional(),
});
export type StockDetails = z.infer<typeof stockDetailsSchema>;

/** 200 body of GET /v3/certificates: platform certificates, each AES-256-GCM encrypted. */
export const certificatesResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      serial_no: z.string().min(1),
      effective_time: z.string().optional(),
      expire_time: z.string().optional(),
      encrypt_certificate: z.looseObject({
        algorithm: z.literal('AEAD_AES_256_GCM'),
        nonce: z.string().min(1),
        associated_data: z.string().optional(),
        ciphertext: z.string().min(1),
      }),
    }),
  ),
});
export type CertificatesResponse = z.infer<typeof certificatesResponseSchema>;
