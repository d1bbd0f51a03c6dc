// Partner error bodies, the same for every simulated partner: `{error: <code>}` plus, for a bad request,
// the failing fields (spec/partners.md).
import { SimError, type ErrorFormat } from './http';

const partner = (status: number, error: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  new SimError(status, { error, ...extra }, headers);

export const partnerErrors: ErrorFormat = {
  badRequest: (message, fields) => partner(400, 'invalid_request', { message, ...(fields ? { fields } : {}) }),
  notFound: (message) => partner(404, 'not_found', { message }),
  conflict: (message) => partner(409, 'conflict', { message }),
  internal: (message) => partner(500, 'internal_error', { message }),
  rateLimited: () => partner(429, 'rate_limited', {}, { 'retry-after': '1' }),
  unavailable: () => partner(503, 'unavailable'),
};

export const partnerUnauthorized = () => partner(401, 'unauthorized');

export const idempotencyKeyReused = (key: string) =>
  partner(422, 'idempotency_key_reused', { message: `Idempotency-Key ${key} was first used on another endpoint` });
