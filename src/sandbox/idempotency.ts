// `Idempotency-Key` on partner POSTs (../shared/spec/partners.md, common rules): a repeated key gets the first
// answer, byte for byte, and the handler does not run again. A key still in flight makes the second
// request wait for the first, so two concurrent retries cannot both create. 5xx answers are not kept:
// the client is expected to retry those.
import type { Request, RequestHandler } from 'express';
import type { SimError } from './http';

interface StoredAnswer {
  method: string;
  path: string;
  status: number;
  contentType?: string;
  body?: string;
}

export class IdempotencyStore {
  private readonly answers = new Map<string, StoredAnswer>();
  private readonly inFlight = new Map<string, Promise<void>>();

  /** Keys that reached a handler, oldest first. */
  keys(): string[] {
    return [...this.answers.keys()];
  }

  /**
   * `reusedElsewhere` answers a key first used on another endpoint: that is a client bug (one key for two
   * different operations) that replaying would hide.
   */
  middleware(reusedElsewhere: (key: string) => SimError): RequestHandler {
    return async (req, res, next) => {
      const key = idempotencyKey(req);
      if (req.method !== 'POST' || key === undefined) return next();
      while (this.inFlight.has(key)) await this.inFlight.get(key);

      const stored = this.answers.get(key);
      if (stored) {
        if (stored.method !== req.method || stored.path !== req.path) throw reusedElsewhere(key);
        res.status(stored.status).set('idempotent-replayed', 'true');
        if (stored.contentType) res.set('content-type', stored.contentType);
        res.send(stored.body);
        return;
      }

      let release = () => {};
      this.inFlight.set(key, new Promise<void>((resolve) => (release = resolve)));
      let body: string | undefined;
      const send = res.send.bind(res);
      res.send = ((chunk?: unknown) => {
        if (typeof chunk === 'string') body = chunk;
        else if (Buffer.isBuffer(chunk)) body = chunk.toString('utf8');
        return send(chunk);
      }) as typeof res.send;
      res.on('close', () => {
        if (res.writableFinished && res.statusCode < 500) {
          const contentType = res.get('content-type');
          this.answers.set(key, {
            method: req.method,
            path: req.path,
            status: res.statusCode,
            body,
            ...(contentType ? { contentType } : {}),
          });
        }
        this.inFlight.delete(key);
        release();
      });
      next();
    };
  }
}

export function idempotencyKey(req: Request): string | undefined {
  const value = req.get('idempotency-key')?.trim();
  return value ? value : undefined;
}
