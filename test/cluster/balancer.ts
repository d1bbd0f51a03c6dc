// A tiny round-robin HTTP load balancer in front of the two APIs, as production would have one.
//
// The sandbox sends every webhook and partner callback (first attempts, its own retries, and the
// duplicates we ask for with `redeliver`) to ONE relay URL. Pointing it at this balancer instead of at
// the first API spreads all of that over both APIs, request by request, so a delivery and its duplicate
// land on different APIs about half of the time: the duplicate is then caught by Temporal (deterministic
// workflow ids), not by anything one API process remembers. The balancer also records every answer, which
// is how the test checks "no 5xx from either API except 503 while Temporal was down".
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  at: number;
  api: number;
  path: string;
  status: number;
  /** The API's `Retry-After`: it sends one only with the 503 that says Temporal did not take the request. */
  retryAfter?: string;
}

export interface Balancer {
  url: string;
  answers: Answer[];
  /** Requests the balancer could not hand to an API at all (connection refused or reset). */
  unreachable: { at: number; api: number; error: string }[];
  close(): Promise<void>;
}

export async function startBalancer(upstreams: string[]): Promise<Balancer> {
  const answers: Answer[] = [];
  const unreachable: Balancer['unreachable'] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server: Server = createServer((req, res) => {
    const api = next++ % upstreams.length;
    const target = new URL(req.url ?? '/', upstreams[api]);
    const upstream = request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      const retryAfter = answer.headers['retry-after'];
      answers.push({ at: Date.now(), api, path: target.pathname, status: answer.statusCode ?? 0, ...(retryAfter ? { retryAfter } : {}) });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      unreachable.push({ at: Date.now(), api, error: error.message });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('upstream unreachable');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answers,
    unreachable,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
