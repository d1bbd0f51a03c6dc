// The routes an express app has registered, as `METHOD /path` patterns (`GET /console/settings/:group`), read
// from its router's stack: what a table of routes in a test is checked against, so a route added later
// cannot be missing from it. Express does not keep where a router was mounted, so each nested router's
// mount point is found among the ones given; a router mounted anywhere else fails loudly.

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle: unknown;
  match(path: string): boolean;
}

export interface RegisteredRoute {
  method: string;
  path: string;
}

export function registeredRoutes(router: unknown, mountPoints: readonly string[], prefix = ''): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const layer of (router as { stack: Layer[] }).stack) {
    if (layer.route) {
      const { path, methods } = layer.route;
      if (typeof path !== 'string') throw new Error(`a route has a path that is not a string: ${String(path)}`);
      for (const [method, on] of Object.entries(methods))
        if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path: prefix + path });
      continue;
    }
    // Middleware (body parsers, headers) has no stack; a mounted router has one.
    const nested = (layer.handle as { stack?: unknown }).stack;
    if (!Array.isArray(nested)) continue;
    const mount = mountPoints.find((point) => layer.match(point));
    if (mount === undefined) throw new Error(`a router is mounted at none of ${mountPoints.join(', ')}: add its mount point`);
    routes.push(...registeredRoutes(layer.handle, mountPoints, prefix + mount));
  }
  return routes;
}
