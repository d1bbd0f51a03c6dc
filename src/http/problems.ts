// JSON error answers of the relay's HTTP endpoints. Every refusal says what was wrong, so whoever
// configured the sender can fix it. The sandbox's simulators reuse the field format.
import type { Response } from 'express';
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  res.status(problem.status).json({ error: problem.message, ...(problem.fields ? { fields: problem.fields } : {}) });
}

export function requireJson(contentType: string | undefined): void {
  if (!contentType || !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'Content-Type must be application/json');
  }
}

export function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'body is not valid JSON');
  }
}

/** Formats zod issues as `path: message` so a 400 names the failing fields. */
export function describeIssues(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}
