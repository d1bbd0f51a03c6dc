// A stand-in for the relay in sandbox tests: records every webhook and callback byte for byte and
// answers with planned statuses (200 once the plan runs out).
import express from 'express';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { listen } from '../harness/http';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers the next requests with these statuses, in order. */
  plan(...statuses: number[]): void;
  on(path: string): Received[];
  reset(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const planned: number[] = [];
  const app = express();
  app.post('/webhooks/:source', express.text({ type: () => true }), (req, res) => {
    received.push({ path: req.path, headers: req.headers, body: req.body as string });
    const status = planned.shift() ?? 200;
    res.status(status).json({ status: status < 300 ? 'accepted' : 'failed', n: received.length });
  });
  const { server, url } = await listen(app);
  return {
    url,
    received,
    plan: (...statuses) => void planned.push(...statuses),
    on: (path) => received.filter((r) => r.path === path),
    reset: () => {
      received.length = 0;
      planned.length = 0;
    },
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
