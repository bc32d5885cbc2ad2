import { PAGE_SIZES } from 'server/contract';
import { z } from 'zod';
import type { PageSize } from '@/lib/pages';

// Every URL value arrives as text (a hand-edited link may hold anything) and a navigation may
// hand over a number: each field reads both, and anything it cannot use becomes its default.
const MAX_PAGE_DIGITS = 6;

/** Free text, cut to `max` characters; kept as typed (even when invalid) so a form can say why. */
export const textField = (max: number) =>
  z
    .string()
    .default('')
    .catch('')
    .transform((value) => value.slice(0, max));

/** Text from a link, or a number from a navigation; optional, so a link may leave it out. */
const textOrNumber = z.union([z.string(), z.number()]).optional();

/** A page number from 1 to 999,999; anything else is page 1. */
export const pageField = textOrNumber
  .transform(String)
  .pipe(z.string().regex(new RegExp(`^\\d{1,${MAX_PAGE_DIGITS}}$`)))
  .transform(Number)
  .pipe(z.number().int().min(1))
  .catch(1);

/** One of the page sizes the server accepts, or `fallback`. */
export const sizeField = (fallback: PageSize) =>
  textOrNumber
    .transform(
      (raw): PageSize => PAGE_SIZES.find((size) => String(size) === String(raw)) ?? fallback,
    )
    .catch(fallback);
