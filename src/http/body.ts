// The request body as raw bytes, for routes that check a signature over the exact bytes and choose the
// answer to bad JSON themselves. A lean `express.raw()`: webhooks and callbacks come uncompressed, so the
// body is collected straight from the socket (one Buffer, no content-type matching or charset handling on
// the hot path); a compressed body still goes through `express.raw()`, which inflates it.
import express, { type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problems';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** Bytes in a size such as `256kb` (powers of 1024, as express and body-parser count them). */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!match) throw new Error(`not a size: ${size}`);
  return Number(match[1]) * UNITS[match[2].toLowerCase()];
}

/** Whether the body comes compressed (only `express.raw()` reads those). */
export function isEncoded(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return encoding !== undefined && encoding.toLowerCase() !== 'identity';
}

/**
 * Reads an uncompressed body of at most `max` bytes. As body-parser does, a refused body is still read to
 * its end before the refusal, so the sender sees the 413 rather than a connection reset while it writes.
 */
export function readRawBody(req: IncomingMessage, max: number, limit: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let problem: HttpProblem | undefined;
    const refuse = () => {
      problem ??= new HttpProblem(413, `body is larger than ${limit}`);
      chunks.length = 0;
    };
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > max) refuse();
    req.on('data', (chunk: Buffer) => {
      if (problem) return;
      size += chunk.length;
      if (size > max) refuse();
      else chunks.push(chunk);
    });
    req.once('end', () => {
      if (problem) reject(problem);
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    // The sender went away mid-body: nobody reads the answer, but the request still ends here.
    req.once('error', () => {
      if (!req.complete) reject(problem ?? new HttpProblem(400, 'request aborted'));
    });
  });
}

/** Express middleware: `req.body` is the raw body (a Buffer). */
export function rawBody(limit: string): RequestHandler {
  const max = sizeInBytes(limit);
  const inflating = express.raw({ type: () => true, limit });
  return (req, res, next) => {
    if (isEncoded(req)) return inflating(req, res, next);
    readRawBody(req, max, limit).then((body) => {
      req.body = body;
      next();
    }, next);
  };
}
