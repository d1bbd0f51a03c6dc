// Small load helpers for the benchmarks: bounded concurrency, fixed-rate pacing, percentiles.
import { Agent, request } from 'node:http';

export async function runConcurrently<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/** Fires `task` at a steady rate (not waiting for answers) and returns each call's latency in ms. */
export async function runAtRate(count: number, perSecond: number, task: (index: number) => Promise<void>): Promise<number[]> {
  const started = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    pending.push(task(i).then(() => performance.now() - sent));
  }
  return Promise.all(pending);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/**
 * Posts webhooks over node:http with keep-alive: the lean client a load generator should be, so that its
 * own CPU (printed beside the API's) takes as little as possible from the cores the API and server share.
 */
export function webhookPoster(baseUrl: string, path = '/webhooks/lever') {
  const url = new URL(path, baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return {
    post(body: string): Promise<void> {
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              if (res.statusCode === 202) resolve();
              else reject(new Error(`webhook answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
