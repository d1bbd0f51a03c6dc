// Every request a simulated service receives, answered or refused, so tests and benchmarks can count
// calls and check the relay's rate from the outside (the arrival time is what a rate limit sees).
import { Router, type Request, type RequestHandler } from 'express';

export interface RequestLogEntry {
  /** Arrival, epoch ms. */
  at: number;
  method: string;
  /** Relative to the service's base URL, without the query: `/opportunities/abc`. */
  path: string;
  /** 0 until the answer is sent; 499 if the client went away first. */
  status: number;
  apiKey?: string;
}

export class RequestLog {
  private list: RequestLogEntry[] = [];

  get entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  clear(): void {
    this.list = [];
  }

  /** Records at arrival (so the entry exists at once) and fills in the status when the answer leaves. */
  middleware(apiKeyOf: (req: Request) => string | undefined): RequestHandler {
    return (req, res, next) => {
      const entry: RequestLogEntry = { at: Date.now(), method: req.method, path: req.path, status: 0 };
      const apiKey = apiKeyOf(req);
      if (apiKey !== undefined) entry.apiKey = apiKey;
      this.list.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      res.on('close', () => {
        if (!res.writableFinished) entry.status = 499;
      });
      next();
    };
  }

  /** `GET` lists, `DELETE` clears; mounted at `/_control/<service>/requests`. */
  controlRoutes(): Router {
    const router = Router();
    router.get('/', (_req, res) => void res.json(this.list));
    router.delete('/', (_req, res) => {
      this.clear();
      res.status(204).send();
    });
    return router;
  }
}
