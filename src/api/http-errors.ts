// JSON error answers. Every refusal says what was wrong, so whoever configured the sender can fix it.
import type { Response } from 'express';

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
