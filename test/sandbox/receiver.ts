// A stand-in for the relay in sandbox tests: records every webhook and callback byte for byte and
// answers with planned statuses (200 once the plan runs out).
import express from 'express';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { startSandbox, type Sandbox } from '../../src/assembly/sandbox';
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

/**
 * For a simulator's test file: a sandbox whose webhooks and callbacks go to a receiver (sent once, no
 * retries), started before the file's tests and closed after them.
 */
export function useSandboxWithReceiver(): { readonly sandbox: Sandbox; readonly receiver: Receiver } {
  const context = {} as { sandbox: Sandbox; receiver: Receiver };
  beforeAll(async () => {
    context.receiver = await startReceiver();
    context.sandbox = await startSandbox({ port: 0, relayUrl: context.receiver.url, webhookRetryDelaysMs: [] });
  });
  afterAll(async () => {
    await context.sandbox?.close();
    await context.receiver?.close();
  });
  return context;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
