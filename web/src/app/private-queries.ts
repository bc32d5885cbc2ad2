import type { QueryClient } from '@tanstack/react-query';

// Answers anyone may see; everything else belongs to the person who was signed in.
const PUBLIC_ROOTS = new Set(['health', 'explanations', 'sandbox', 'auth']);

/** Forgets what the last person saw, so the next one never glimpses it from the cache. */
export function dropPrivateQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !PUBLIC_ROOTS.has(String(query.queryKey[0])) });
  queryClient.getMutationCache().clear();
}
