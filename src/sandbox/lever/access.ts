// Who may call the simulated Data API and how often: HTTP Basic with the API key as username and an
// empty password, then the per-key token bucket. The bucket is checked after auth, as a limit per key
// can only be.
import type { Request, RequestHandler } from 'express';
import { RateLimiter, type RateSettings } from '../rate-limit';
import { leverErrors, leverUnauthorized } from './errors';

export function basicCredentials(req: Request): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function leverAccess(apiKey: string, rate: RateSettings): RequestHandler {
  const limiter = new RateLimiter(rate);
  return (req, _res, next) => {
    const credentials = basicCredentials(req);
    if (!credentials || credentials.username !== apiKey || credentials.password !== '') {
      throw leverUnauthorized('HTTP Basic auth with the API key as username and an empty password is required');
    }
    if (!limiter.take(credentials.username)) throw leverErrors.rateLimited();
    next();
  };
}
