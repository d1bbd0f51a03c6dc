// Small HTTP helpers for tests: listen on an ephemeral port, call JSON endpoints, poll until true.
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

export async function listen(app: { listen: (port: number, cb: () => void) => Server }): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A TCP port nothing listens on right now, for a child process that must be told its port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    what = 'condition',
    explain,
  }: { timeoutMs?: number; intervalMs?: number; what?: string; explain?: () => Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      // What the system was doing instead, so a timeout in CI can be understood from its output alone.
      const context = explain ? `\n${await explain().catch((error: Error) => `(could not explain: ${error.message})`)}` : '';
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${context}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function http<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T };
}
