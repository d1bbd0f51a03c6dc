// Lever's error body: `{"code": "...", "message": "..."}` (../shared/spec/lever.md section 2).
import { SimError, type ErrorFormat } from '../http';

const lever = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  new SimError(status, { code, message }, headers);

export const leverErrors: ErrorFormat = {
  badRequest: (message) => lever(400, 'BadRequest', message),
  notFound: (message) => lever(404, 'ResourceNotFound', message),
  conflict: (message) => lever(409, 'Conflict', message),
  internal: (message) => lever(500, 'InternalServerError', message),
  rateLimited: () => lever(429, 'TooManyRequests', 'rate limit exceeded for this API key', { 'retry-after': '1' }),
  unavailable: () => lever(503, 'ServiceUnavailable', 'Lever is temporarily unavailable'),
};

export const leverUnauthorized = (message: string) => lever(401, 'Unauthorized', message);
export const leverForbidden = (message: string) => lever(403, 'Forbidden', message);
