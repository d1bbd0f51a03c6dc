// Express plumbing every simulator shares. Each simulated service answers errors in its own format
// (Lever `{code,message}`, partners `{error}`): handlers throw a SimError with the body already built, or
// a SimProblem that only names the kind, and one error handler per service router formats the rest.
import type { ErrorRequestHandler, Request } from 'express';
import { z } from 'zod';
import { describeIssues, type FieldProblem } from '../http/problems';

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`sandbox answered ${status}`);
  }
}

/** A refusal named by kind, so shared code (the Lever store) can fail in whichever format the caller speaks. */
export class SimProblem extends Error {
  constructor(
    readonly kind: 'badRequest' | 'notFound' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export interface ErrorFormat {
  badRequest(message: string, fields?: FieldProblem[]): SimError;
  notFound(message: string): SimError;
  conflict(message: string): SimError;
  internal(message: string): SimError;
  /** 429 with `Retry-After`. */
  rateLimited(): SimError;
  /** 503, as in maintenance. */
  unavailable(): SimError;
}

/** Validates a body or query; failures become the service's own 400. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, format: ErrorFormat, what = 'body'): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const fields = describeIssues(parsed.error, what === 'body' ? '' : what);
  throw format.badRequest(`invalid ${what}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields);
}

/** Repeated query parameters arrive as arrays, single ones as strings: always a list here. */
export function queryList(req: Request, name: string): string[] {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export function queryOne(req: Request, name: string): string | undefined {
  return queryList(req, name)[0];
}

/** The last middleware of a service router: every failure leaves in that service's format. */
export function errorHandler(format: ErrorFormat): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    let problem: SimError;
    if (error instanceof SimError) problem = error;
    else if (error instanceof SimProblem) problem = format[error.kind](error.message);
    else if ((error as { type?: string }).type === 'entity.parse.failed') problem = format.badRequest('body is not valid JSON');
    else if ((error as { status?: number }).status === 413) problem = new SimError(413, format.badRequest('body is too large').body);
    else problem = format.internal(error instanceof Error ? error.message : String(error));
    res.status(problem.status).set(problem.headers).json(problem.body);
  };
}

/** The JSON format of the control API (the same shape as the relay's own errors). */
export const controlErrors: ErrorFormat = {
  badRequest: (message, fields) => new SimError(400, { error: message, ...(fields ? { fields } : {}) }),
  notFound: (message) => new SimError(404, { error: message }),
  conflict: (message) => new SimError(409, { error: message }),
  internal: (message) => new SimError(500, { error: message }),
  rateLimited: () => new SimError(429, { error: 'too many requests' }, { 'retry-after': '1' }),
  unavailable: () => new SimError(503, { error: 'unavailable' }),
};

/** `{times?}` of every redeliver control: that many identical copies at once. */
export const redeliverBody = z.strictObject({ times: z.number().int().min(1).max(100).optional() });

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
