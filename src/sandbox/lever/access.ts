// Who may call the simulated Data API and how often: HTTP Basic with the API key as username and an
// empty password, then the per-key token bucket. The bucket is checked after auth, as a limit per key
// can only be.
import type { Request, RequestHandler } from 'express';
import { RateLimiter, type RateSettings } from '../rate-limit';
import { leverErrors, leverForbidden, leverUnauthorized } from './errors';

export function basicCredentials(req: Request): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Every scope the sandbox's key has by default; the webhooks API needs the two `webhooks:*:admin` ones. */
export const ALL_SCOPES: readonly string[] = [
  'opportunities:read:admin',
  'opportunities:write:admin',
  'webhooks:read:admin',
  'webhooks:write:admin',
];

/** The one API key the simulated account knows, and the scopes an admin gave it. */
export class KeyAccess {
  private scopes = new Set(ALL_SCOPES);

  constructor(readonly apiKey: string) {}

  setScopes(scopes: string[]): { scopes: string[] } {
    this.scopes = new Set(scopes);
    return { scopes: [...this.scopes] };
  }

  /** Refuses (403) a request whose key lacks `scope`. */
  requireScope(scope: string): RequestHandler {
    return (_req, _res, next) => {
      if (!this.scopes.has(scope)) throw leverForbidden(`the API key lacks the scope ${scope}`);
      next();
    };
  }
}

export function leverAccess(access: KeyAccess, rate: RateSettings): RequestHandler {
  const limiter = new RateLimiter(rate);
  return (req, _res, next) => {
    const credentials = basicCredentials(req);
    if (!credentials || credentials.username !== access.apiKey || credentials.password !== '') {
      throw leverUnauthorized('HTTP Basic auth with the API key as username and an empty password is required');
    }
    if (!limiter.take(credentials.username)) throw leverErrors.rateLimited();
    next();
  };
}
