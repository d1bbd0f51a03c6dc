// The whole relay in-process for end-to-end tests: API and sandbox on ephemeral ports talking real
// HTTP to each other, a worker on its own task queue, all against the shared test Temporal server.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/api';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { dataConverter } from '../../src/temporal';
import { createWorkers } from '../../src/worker';

export interface TestRelay {
  config: Config;
  apiUrl: string;
  sandbox: Sandbox;
  client: Client;
  stop(): Promise<void>;
}

export function testTemporalAddress(): string {
  const address = process.env.TEMPORAL_TEST_ADDRESS;
  if (!address) throw new Error('TEMPORAL_TEST_ADDRESS is not set: run tests through jest (global setup starts Temporal)');
  return address;
}

export async function testClient(config: Pick<Config, 'payloadKey' | 'temporal'>): Promise<Client> {
  const connection = await Connection.connect({ address: testTemporalAddress() });
  return new Client({ connection, namespace: config.temporal.namespace, dataConverter: dataConverter(config) });
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ TEMPORAL_ADDRESS: testTemporalAddress(), RELAY_TASK_QUEUE: `test-${randomUUID()}`, LOG_LEVEL: 'silent', ...env });
}

export async function listen(app: { listen: (port: number, cb: () => void) => Server }): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface TestRelayOptions {
  env?: Record<string, string>;
  /** false: API and sandbox only, no worker (ingress tests that must not run workflows). */
  worker?: boolean;
}

export async function startTestRelay({ env = {}, worker = true }: TestRelayOptions = {}): Promise<TestRelay> {
  const config = testConfig(env);
  const client = await testClient(config);
  const { server, url: apiUrl } = await listen(createApp({ config, client, logger: createLogger('api', 'silent') }));
  const sandbox = await startSandbox({ port: 0, relayUrl: apiUrl, webhookRetryDelaysMs: [100, 300, 1000, 2000, 4000] });
  config.lever.baseUrl = `${sandbox.baseUrl}/lever/v1`;
  config.hrlogics.baseUrl = `${sandbox.baseUrl}/hrlogics`;

  let stopWorkers = async () => {};
  if (worker) {
    const connection = await NativeConnection.connect({ address: testTemporalAddress() });
    const workers = await createWorkers({ config, connection, workflowBundle: { codePath: process.env.TEMPORAL_TEST_BUNDLE! } });
    const running = workers.run();
    stopWorkers = async () => {
      workers.shutdown();
      await running;
      await connection.close();
    };
  }
  return {
    config,
    apiUrl,
    sandbox,
    client,
    stop: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await stopWorkers();
      await sandbox.close();
      await client.connection.close();
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function http<T = unknown>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
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
