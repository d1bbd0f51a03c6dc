// Who may call the simulated Data API, what they may see, and how often: HTTP Basic with the API key as
// username and an empty password, then the per-key token bucket. The bucket is checked after auth, as a
// limit per key can only be. Each key carries its access: Lever hides confidential postings and their
// opportunities from keys without confidential access (spec/lever.md: "Confidential records hidden unless
// the key has access").
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiter, type RateSettings } from '../rate-limit';
import { leverErrors, leverUnauthorized } from './errors';

/** What one API key may see. */
export interface LeverKeyAccess {
  /** Confidential postings and their opportunities: shown only to keys with this access. */
  confidential: boolean;
}

export type LeverKeys = Record<string, LeverKeyAccess>;

export function basicCredentials(req: Request): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function leverAccess(keys: LeverKeys, rate: RateSettings): RequestHandler {
  const limiter = new RateLimiter(rate);
  return (req, res, next) => {
    const credentials = basicCredentials(req);
    const access = credentials && Object.hasOwn(keys, credentials.username) ? keys[credentials.username] : undefined;
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
