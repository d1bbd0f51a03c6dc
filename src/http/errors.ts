// The one place where an HTTP outcome becomes a Temporal failure (DESIGN rule 4). Activities just let
// these propagate: Temporal's retry policy then does the waiting, and the workflow sees a typed failure.
import { ApplicationFailure } from '@temporalio/common';
import { HTTP_FAILURE } from './failure-types';

export { HTTP_FAILURE };

const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** `Retry-After` is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

export interface HttpFailureContext {
  service: string;
  method: string;
  path: string;
  status: number;
  retryAfter: string | null;
  /** A short, non-personal excerpt of the error body (Lever's `code`, a partner's `error`). */
  code?: string;
}

export function classifyHttpStatus(ctx: HttpFailureContext): ApplicationFailure {
  const { service, method, path, status } = ctx;
  const message = `${service} ${method} ${path} answered ${status}${ctx.code ? ` (${ctx.code})` : ''}`;
  const details = [{ service, status, code: ctx.code }];
  if (status === 429 || status === 503) {
    return ApplicationFailure.create({
      message,
      type: status === 429 ? HTTP_FAILURE.rateLimited : HTTP_FAILURE.unavailable,
      details,
      nextRetryDelay: parseRetryAfter(ctx.retryAfter),
    });
  }
  if (status === 408 || status === 409 || status >= 500) {
    return ApplicationFailure.create({ message, type: HTTP_FAILURE.serverError, details });
  }
  const type =
    status === 404 || status === 410
      ? HTTP_FAILURE.notFound
      : status === 400 || status === 422
        ? HTTP_FAILURE.badRequest
        : status === 401
          ? HTTP_FAILURE.unauthorized
          : status === 403
            ? HTTP_FAILURE.forbidden
            : HTTP_FAILURE.clientError;
  return ApplicationFailure.create({ message, type, details, nonRetryable: true });
}

export function classifyNetworkError(service: string, method: string, path: string, error: unknown): ApplicationFailure {
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return ApplicationFailure.create({
    message: `${service} ${method} ${path} failed: ${reason}`,
    type: HTTP_FAILURE.network,
  });
}
