import { z } from 'zod';
import { AUTH_SCHEME } from './constants';

const fieldsSchema = z.object({
  mchid: z.string().min(1),
  nonce_str: z.string().min(1),
  timestamp: z.string().regex(/^\d{1,12}$/),
  serial_no: z.string().min(1),
  signature: z.string().min(1),
});

export type AuthorizationFields = z.infer<typeof fieldsSchema>;

export type ParsedAuthorization =
  | { ok: true; fields: AuthorizationFields }
  | { ok: false; reason: 'format' | 'scheme'; partial: Partial<Record<string, string>> };

/**
 * Parses `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",
 * signature="…"` (APIv3 签名规则): fields in any order, each exactly once.
 */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  const partial: Record<string, string> = {};
  const match = /^(\S+)\s+(.+)$/.exec(header?.trim() ?? '');
  if (!match) return { ok: false, reason: 'format', partial };
  const [, scheme = '', params = ''] = match;
  for (const part of params.split(',')) {
    const pair = /^\s*([A-Za-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!pair) return { ok: false, reason: 'format', partial };
    const [, key = '', value = ''] = pair;
    if (Object.hasOwn(partial, key)) return { ok: false, reason: 'format', partial };
    partial[key] = value;
  }
  if (scheme !== AUTH_SCHEME) return { ok: false, reason: 'scheme', partial };
  const parsed = fieldsSchema.safeParse(partial);
  return parsed.success
    ? { ok: true, fields: parsed.data }
    : { ok: false, reason: 'format', partial };
}
