// Small load helpers for the benchmarks: bounded concurrency, fixed-rate pacing, percentiles.
import { connect, type Socket } from 'node:net';

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
 * Posts webhooks over keep-alive TCP connections with the HTTP/1.1 request written as one buffer and only
 * the status line and Content-Length of the answer parsed. The load generator stands in for Lever, which
 * runs elsewhere; on a 2-core machine its CPU is taken from the API and the server, so it should take as
 * little as it can (node:http's client spent about 1 ms per webhook here). One request at a time per
 * connection (no pipelining), as Lever sends them.
 */
export function webhookPoster(baseUrl: string, path = '/webhooks/lever', connections = 256) {
  const url = new URL(path, baseUrl);
  const head = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: `;
  const idle: Connection[] = [];
  const all = new Set<Connection>();
  const waiting: (() => void)[] = [];

  interface Connection {
    socket: Socket;
    buffered: Buffer;
    answer?: { resolve: () => void; reject: (error: Error) => void };
  }

  const open = (): Connection => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);
    const connection: Connection = { socket, buffered: Buffer.alloc(0) };
    all.add(connection);
    const fail = (error: Error) => {
      all.delete(connection);
      const index = idle.indexOf(connection);
      if (index >= 0) idle.splice(index, 1);
      connection.answer?.reject(error);
      connection.answer = undefined;
      waiting.shift()?.();
    };
    socket.on('data', (chunk: Buffer) => {
      connection.buffered = connection.buffered.length === 0 ? chunk : Buffer.concat([connection.buffered, chunk]);
      const end = connection.buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers = connection.buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
      if (connection.buffered.length < end + 4 + length) return;
      const status = Number(headers.slice(9, 12));
      const body = connection.buffered.subarray(end + 4, end + 4 + length).toString('utf8');
      connection.buffered = connection.buffered.subarray(end + 4 + length);
      const answer = connection.answer!;
      connection.answer = undefined;
      release(connection);
      if (status === 202) answer.resolve();
      else answer.reject(new Error(`webhook answered ${status}: ${body}`));
    });
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the connection closed')));
    return connection;
  };

  const release = (connection: Connection) => {
    const next = waiting.shift();
    idle.push(connection);
    next?.();
  };

  const take = async (): Promise<Connection> => {
    for (;;) {
      const connection = idle.pop();
      if (connection) return connection;
      if (all.size < connections) return open();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  return {
    async post(body: string): Promise<void> {
      const connection = await take();
      return new Promise((resolve, reject) => {
        connection.answer = { resolve, reject };
        connection.socket.write(`${head}${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
    },
    close: () => {
      for (const { socket } of all) socket.destroy();
    },
  };
}
