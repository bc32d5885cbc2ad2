import { z } from 'zod';

/** GET /api/sandbox/scenarios: what a newcomer can try on the embedded sandbox. */
export const sandboxScenariosResponseSchema = z.object({
  creator_mchid: z.string(),
  stocks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['whole_store', 'single_item', 'not_voucher']),
      size: z.number().int().nonnegative(),
      status: z.string(),
    }),
  ),
  scenarios: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['error_row', 'fault']),
      /** The WeChat Pay answer it produces, when it is an error row. */
      row: z.object({ status: z.number(), code: z.string(), message: z.string() }).optional(),
      fault: z.string().optional(),
      /** Id in GET /api/explanations of what the console will show for it. */
      explanation: z.string(),
    }),
  ),
});
export type SandboxScenariosResponse = z.infer<typeof sandboxScenariosResponseSchema>;
