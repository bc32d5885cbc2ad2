export type Route =
  | { name: 'items'; stockId: string }
  | { name: 'details'; stockId: string }
  | { name: 'certificates' }
  | { name: 'unknown' };

export interface RequestTarget {
  route: Route;
  pathname: string;
  params: URLSearchParams;
}

const ITEMS = /^\/v3\/marketing\/favor\/stocks\/([^/]*)\/items$/;
const DETAILS = /^\/v3\/marketing\/favor\/stocks\/([^/]*)$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Splits the raw request-target and names the route; only GET is served. */
export function matchRoute(method: string, url: string): RequestTarget {
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  const items = ITEMS.exec(pathname);
  const details = DETAILS.exec(pathname);
  let route: Route = { name: 'unknown' };
  if (method !== 'GET') route = { name: 'unknown' };
  else if (items) route = { name: 'items', stockId: decode(items[1] ?? '') };
  else if (details) route = { name: 'details', stockId: decode(details[1] ?? '') };
  else if (pathname === '/v3/certificates') route = { name: 'certificates' };
  return { route, pathname, params };
}

export function stockIdOf(route: Route): string | undefined {
  return route.name === 'items' || route.name === 'details' ? route.stockId : undefined;
}
