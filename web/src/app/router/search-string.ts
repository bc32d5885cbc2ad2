// Search parameters stay plain `key=value` text, as links made before the router were: the
// router's default JSON encoding would quote ids (`stock=%2216000004%22`) and break old links.
// Each route's zod schema turns the text into numbers and enums.

/** `?a=1&b=x` → `{ a: '1', b: 'x' }`; a repeated key keeps its first value. */
export function parseSearch(text: string): Record<string, string> {
  const search: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (!(key in search)) search[key] = value;
  }
  return search;
}

/** `{ a: 1, b: '' }` → `?a=1`: empty values are left out so links stay short. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
