// JSON error answers of the relay's HTTP endpoints. Every refusal says what was wrong, so whoever
// configured the sender can fix it. The sandbox's simulators reuse the field format.
import type { ServerResponse } from 'node:http';
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
    /** Headers that go with the answer (`retry-after`). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A JSON answer, written straight to the response (express's or node's). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  sendJson(res, problem.status, { error: problem.message, ...(problem.fields ? { fields: problem.fields } : {}) }, problem.headers);
}

export function requireJson(contentType: string | undefined): void {
  if (!contentType || !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'Content-Type must be application/json');
  }
}

/**
 * Nothing we accept nests beyond a few levels. Deeper bodies are refused before parsing: later steps that
 * walk a value recursively (JSON.stringify in the replay guard, payload conversion) would overflow the
 * stack on a body of a few kilobytes of brackets, and a crash there would be a 5xx.
 */
export const MAX_JSON_DEPTH = 32;

export function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (exceedsDepth(text, MAX_JSON_DEPTH)) throw new HttpProblem(400, `body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'body is not valid JSON');
  }
}

/** One pass over the text, counting brackets outside strings; malformed JSON is left to JSON.parse. */
function exceedsDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > max) return true;
    } else if (c === '}' || c === ']') depth--;
  }
  return false;
}

/** Formats zod issues as `path: message` so a 400 names the failing fields. */
export function describeIssues(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}
