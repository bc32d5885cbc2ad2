import { z } from 'zod';

/** The languages every explanation is written in; zh-CN is our users' first language. */
export const explanationLocaleSchema = z.enum(['zh-CN', 'en']);
export type ExplanationLocale = z.infer<typeof explanationLocaleSchema>;

/** One language's text: written for merchant operators and support staff, not developers. */
export const explanationTextSchema = z.object({
  title: z.string().min(1),
  what_happened: z.string().min(1),
  causes: z.array(z.string().min(1)).min(1),
  operator_action: z.string().min(1),
  /** What support staff tell the merchant or the customer, ready to say or paste. */
  support_script: z.string().min(1),
  /** What to quote when contacting WeChat Pay; names the Request-ID whenever there is one. */
  quote_to_wechatpay: z.string().min(1),
});
export type ExplanationText = z.infer<typeof explanationTextSchema>;

/** Who produced the error: WeChat Pay, our WeChat Pay client, or our own HTTP API. */
export const explanationSourceSchema = z.enum(['upstream', 'client', 'api']);
export type ExplanationSource = z.infer<typeof explanationSourceSchema>;

/**
 * What an entry answers to. Upstream entries: code + message (one row of WeChat Pay's table),
 * code alone (any other message of that code) or status alone (a body we could not read).
 */
export const explanationMatchSchema = z.object({
  status: z.number().int().min(100).max(599).optional(),
  code: z.string().min(1).optional(),
  message: z.string().min(1).optional(),
});
export type ExplanationMatch = z.infer<typeof explanationMatchSchema>;

export const explanationSchema = z
  .object({
    /** Stable: the wire error names its explanation by this id, e.g. 'client.bad_signature'. */
    id: z.string().regex(/^(upstream|client|api)\.[A-Za-z0-9_.]+$/),
    source: explanationSourceSchema,
    match: explanationMatchSchema,
    retryable: z.boolean(),
    /**
     * False for errors the stock items/details lookup cannot produce (callback URL, openid,
     * appid, per-user limits, budget…): support staff paste them in from other tools.
     */
    producible_by_lookup: z.boolean(),
    // Every locale of explanationLocaleSchema, so a new language is added in one place.
    texts: z.record(explanationLocaleSchema, explanationTextSchema),
  })
  .refine((entry) => entry.id.startsWith(`${entry.source}.`), {
    message: 'id must start with its source',
    path: ['id'],
  });
export type Explanation = z.infer<typeof explanationSchema>;

/** The body of GET /api/explanations. */
export const explanationCatalogSchema = z.object({ explanations: z.array(explanationSchema) });
export type ExplanationCatalog = z.infer<typeof explanationCatalogSchema>;
