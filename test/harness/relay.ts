// The whole relay in-process for end-to-end tests: API and sandbox on ephemeral ports talking real
// HTTP to each other, a worker on its own task queue, all against the shared test Temporal server.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { keepIdleConnectionsOpen, leverWebhookTokens } from '../../src/api';
import type { Config } from '../../src/assembly/config';
import { eachIntegration } from '../../src/integrations';
import { createLogger, type Logger } from '../../src/logger';
import type { LiveSettings } from '../../src/settings/live';
import { startSandbox, type Sandbox } from '../../src/assembly/sandbox';
import { SandboxControl } from '../../src/sandbox/control-client';
import { createWorkers } from '../../src/worker';
import { serveApp, type App } from './api';
import { quietRuntime, testClient, testConfig } from './temporal';

export { http, listen, waitFor } from './http';

/** Lever and every partner at the sandbox's ephemeral port (the sandbox starts after the API it calls). */
export function pointAtSandbox(config: Config, sandboxUrl: string): void {
  config.lever.baseUrl = `${sandboxUrl}/lever/v1`;
  for (const [key, integration] of eachIntegration()) config[key].baseUrl = `${sandboxUrl}/${integration.name}`;
}
export { testClient, testConfig, testTemporalAddress } from './temporal';

export interface TestRelay {
  config: Config;
  /** The API's app (its LiveSettings and LiveTokens in `locals`, its routes in `router`). */
  app: App;
  apiUrl: string;
  sandbox: Sandbox;
  client: Client;
  /** Stops this relay's worker (as a crash or deploy would), leaving API, sandbox and Temporal running. */
  stopWorker(): Promise<void>;
  /** Starts a fresh worker on the same task queues. */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestRelayOptions {
  /** Read when the relay starts (a test may fill in what an earlier beforeAll learnt, such as a provider's URL). */
  env?: Record<string, string>;
  /** false: API and sandbox only, no worker (ingress tests that must not run workflows). */
  worker?: boolean;
  /** The API's clock (sessions, sign-in flows), for tests that move time on. */
  now?: () => number;
  /** The API's logger; by default a silent one. */
  logger?: Logger;
}

export async function startTestRelay({
  env = {},
  worker = true,
  now,
  logger = createLogger('api', 'silent'),
}: TestRelayOptions = {}): Promise<TestRelay> {
  const config = testConfig(env);
  const client = await testClient(config);
  // The webhook tokens' first read waits until the sandbox is known: the API starts before it, on purpose
  // (the sandbox needs the API's address), and a read made before would go to the default Lever URL.
  const tokens = leverWebhookTokens(config, logger, client);
  const api = await serveApp({ config, client, logger, tokens, ...(now ? { now } : {}) });
  const { app, server, url: apiUrl } = api;
  // As in production: a test's fetch, reusing an idle connection on a loaded machine, never meets one the API is closing.
  keepIdleConnectionsOpen(server);
  // The sandbox registers its webhooks at the API's real address; the API knows its own webhooks by it.
  config.api.publicUrl = apiUrl;
  const sandbox = await startSandbox({ port: 0, relayUrl: apiUrl, webhookRetryDelaysMs: [100, 300, 1000, 2000, 4000] });
  pointAtSandbox(config, sandbox.baseUrl);
  (app.locals.liveSettings as LiveSettings).reload();
  tokens.start();

  let stopWorkers = async () => {};
  const startWorker = async () => {
    // Only with a worker: an installed runtime that no worker or connection ever uses keeps node from exiting.
    quietRuntime();
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    const workers = await createWorkers({ config, connection, workflowBundle: { codePath: process.env.TEMPORAL_TEST_BUNDLE! } });
    const running = workers.run();
    stopWorkers = async () => {
      stopWorkers = async () => {};
      workers.shutdown();
      await running;
      await connection.close();
    };
  };
  if (worker) await startWorker();
  return {
    config,
    app,
    apiUrl,
    sandbox,
    client,
    stopWorker: () => stopWorkers(),
    startWorker,
    stop: async () => {
      await api.close();
      await stopWorkers();
      await sandbox.close();
      await deleteSchedulesOf(client, config.temporal.taskQueue);
      await client.connection.close();
    },
  };
}

/** A relay for the enclosing describe block (or file): started before its tests, stopped after them. */
export function useTestRelay(options: TestRelayOptions = {}): { readonly relay: TestRelay; readonly control: SandboxControl } {
  const context = {} as { relay: TestRelay; control: SandboxControl };
  beforeAll(async () => {
    context.relay = await startTestRelay(options);
    context.control = new SandboxControl(context.relay.sandbox.baseUrl);
  });
  afterAll(() => context.relay?.stop());
  return context;
}

/**
 * Schedules outlive their relay in the shared test server, and one left behind goes on firing on a queue that
 * nobody polls: every stopped relay's sweep fired at the same quarter hour in one CI run, when the server was
 * also seen taking 30 s to describe a schedule.
 */
async function deleteSchedulesOf(client: Client, taskQueue: string): Promise<void> {
  const ids: string[] = [];
  for await (const schedule of client.schedule.list()) if (schedule.scheduleId.endsWith(`/${taskQueue}`)) ids.push(schedule.scheduleId);
  await Promise.all(
    ids.map((id) =>
      client.schedule
        .getHandle(id)
        .delete()
        .catch(() => undefined),
    ),
  );
}

/** Every run of one workflow type on this relay's task queue (visibility: eventually consistent). */
export async function runsOf(relay: TestRelay, workflowType: string): Promise<WorkflowExecutionInfo[]> {
  const runs: WorkflowExecutionInfo[] = [];
  const query = `WorkflowType = '${workflowType}' AND TaskQueue = '${relay.config.temporal.taskQueue}'`;
  for await (const run of relay.client.workflow.list({ query })) runs.push(run);
  return runs;
}
