// Who may call the simulated Data API, what they may see, and how often: HTTP Basic with the API key as
// username and an empty password, then the per-key token bucket. The bucket is checked after auth, as a
// limit per key can only be. Each key carries its access: Lever hides confidential postings and their
// opportunities from keys without confidential access (../shared/spec/lever.md: "Confidential records hidden unless
// the key has access"), and the webhooks API needs the admin scopes an admin gave the key.
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiter, type RateSettings } from '../rate-limit';
import { leverErrors, leverForbidden, leverUnauthorized } from './errors';

/** What one API key may see and do. */
export interface LeverKeyAccess {
  /** Confidential postings and their opportunities: shown only to keys with this access. */
  confidential: boolean;
  /** Scopes an admin gave the key; the webhooks API needs the two `webhooks:*:admin` ones. */
  scopes: Set<string>;
}

/** Every scope a key has unless an admin took some away. */
export const ALL_SCOPES: readonly string[] = [
  'opportunities:read:admin',
  'opportunities:write:admin',
  'webhooks:read:admin',
  'webhooks:write:admin',
];

/** The keys the simulated account knows; `primary` is the relay's. */
export class KeyAccess {
  private readonly keys = new Map<string, LeverKeyAccess>();

  constructor(
    keys: Record<string, { confidential: boolean }>,
    readonly primary: string,
  ) {
    for (const [key, { confidential }] of Object.entries(keys)) this.keys.set(key, { confidential, scopes: new Set(ALL_SCOPES) });
  }

  get(key: string): LeverKeyAccess | undefined {
    return this.keys.get(key);
  }

  setScopes(scopes: string[], key = this.primary): { scopes: string[] } {
    const access = this.keys.get(key);
    if (access) access.scopes = new Set(scopes);
    return { scopes };
  }

  /** An admin gives the key confidential access, or takes it away (Lever: the key's "confidential data access"). */
  setConfidential(confidential: boolean, key = this.primary): { confidential: boolean } {
    const access = this.keys.get(key);
    if (access) access.confidential = confidential;
    return { confidential };
  }

  /** Refuses (403) a request whose key lacks `scope`. */
  requireScope(scope: string): RequestHandler {
    return (_req, res, next) => {
      if (!accessOf(res).scopes.has(scope)) throw leverForbidden(`the API key lacks the scope ${scope}`);
      next();
    };
  }
}

export function basicCredentials(req: Request): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function leverAccess(keys: KeyAccess, rate: RateSettings): RequestHandler {
  const limiter = new RateLimiter(rate);
  return (req, res, next) => {
    const credentials = basicCredentials(req);
    const access = credentials ? keys.get(credentials.username) : undefined;
    if (!credentials || !access || credentials.password !== '') {
      throw leverUnauthorized('HTTP Basic auth with the API key as username and an empty password is required');
    }
    if (!limiter.take(credentials.username)) throw leverErrors.rateLimited();
    res.locals.leverAccess = access;
    next();
  };
}

/** The access of the key that made this request (set by `leverAccess`). */
export function accessOf(res: Response): LeverKeyAccess {
  return res.locals.leverAccess as LeverKeyAccess;
}
