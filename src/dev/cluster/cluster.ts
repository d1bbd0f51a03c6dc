// A production-like cluster on one machine: PostgreSQL, the Temporal server on it (frontend, history,
// matching and worker services, SQL visibility), the Temporal UI, the sandbox, two APIs and three workers,
// each in its own process and configured through the same environment variables as in production.
// `npm run cluster` (main.ts) and the chaos test (test/cluster) both start it through startCluster().
import { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startPostgres, type Postgres } from '../postgres';
import { findOrBuildTemporalServer, findOrBuildTemporalUiServer, type TemporalServerBinaries } from '../temporal-server';
import { writeTemporalUiConfig } from '../temporal-ui-config';
import { ensureNamespace, type NamespaceOutcome } from './namespace';
import { Supervised, type ProcessEvent, type ProcessSpec } from './processes';
import { setUpTemporalSchemas, type SchemaOutcome } from './schema';
import { prometheusSpec } from './prometheus';
import type { ClusterSettings } from './settings';
import { TEMPORAL_CONFIG_ENV, writeTemporalConfig } from './temporal-config';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface ClusterOptions {
  settings: ClusterSettings;
  /** Remove the cluster's directory first (PostgreSQL data included): a new cluster. */
  fresh?: boolean;
  /** Where the sandbox sends webhooks and callbacks. Default: the first API. */
  sandboxRelayUrl?: string;
  /** The Temporal server's own log level (its log file). Default warn. */
  temporalLogLevel?: string;
  progress?: (line: string) => void;
  onEvent?: (event: ProcessEvent) => void;
  /** Aborting stops the start-up after the current step, and stops what was started. */
  signal?: AbortSignal;
}

export interface Cluster {
  settings: ClusterSettings;
  binaries: TemporalServerBinaries & { ui?: string; uiProblem?: string };
  postgres: Postgres;
  schemas: SchemaOutcome[];
  namespace: NamespaceOutcome;
  temporal: Supervised;
  ui?: Supervised;
  prometheus?: Supervised;
  /** Why Prometheus does not run, when it does not. */
  prometheusProblem?: string;
  sandbox?: Supervised;
  apis: Supervised[];
  workers: Supervised[];
  urls: { temporal: string; ui?: string; apis: string[]; sandbox?: string; codec?: string; prometheus?: string };
  /** Starts the Temporal server again (after it was killed) and waits until it serves. */
  restartTemporal(): Promise<void>;
  /** In order: APIs stop accepting, workers drain, sandbox, UI, Temporal server, PostgreSQL. */
  stop(progress?: (line: string) => void): Promise<void>;
  /** SIGKILL everything (PostgreSQL: immediate shutdown); for a second Ctrl-C. */
  forceStop(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls until the probe answers true; gives up when the process being probed has exited. */
async function until(child: ChildProcess, probe: () => Promise<boolean>, intervalMs = 250): Promise<void> {
  while (!(await probe())) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`pid ${child.pid} exited before it was ready`);
    await sleep(intervalMs);
  }
}

/** The frontend answers and knows our namespace: history and matching are up behind it. */
async function temporalServes(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: '1s' });
    await connection.withDeadline(Date.now() + 2_000, () => connection!.workflowService.describeNamespace({ namespace }));
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/**
 * The worker with this pid polls the relay's workflow task queue (identity `<pid>@<host>`). The enhanced
 * mode asks every partition of the queue: the legacy one reports the root partition's pollers only, and a
 * worker whose long polls all went to other partitions stays invisible there for up to a minute.
 */
async function workerPolls(connection: Connection, namespace: string, taskQueue: string, pid: number): Promise<boolean> {
  const { TaskQueueKind, TaskQueueType, DescribeTaskQueueMode } = proto.api.enums.v1;
  try {
    const { versionsInfo } = await connection.withDeadline(Date.now() + 2_000, () =>
      connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        apiMode: DescribeTaskQueueMode.DESCRIBE_TASK_QUEUE_MODE_ENHANCED,
        reportPollers: true,
        taskQueueTypes: [TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW],
      }),
    );
    const pollers = Object.values(versionsInfo ?? {}).flatMap((version) =>
      Object.values(version.typesInfo ?? {}).flatMap((info) => info.pollers ?? []),
    );
    return pollers.some((p) => p.identity?.startsWith(`${pid}@`));
  } catch {
    return false;
  }
}

/** The environment of the relay's own processes: what production sets, pointed at this cluster. */
function relayEnv(settings: ClusterSettings, uiUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: `127.0.0.1:${settings.temporal.ports.frontend}`,
    TEMPORAL_NAMESPACE: settings.temporal.namespace,
    RELAY_TASK_QUEUE: settings.taskQueue,
    SANDBOX_PORT: String(settings.sandbox.port),
    LOG_LEVEL: settings.logLevel,
  };
  // The codec endpoint answers the UI's origin only.
  if (uiUrl) env.TEMPORAL_UI_URL = uiUrl;
  // Credentials meant for another Temporal (Cloud) would be sent to this local one.
  for (const name of Object.keys(env))
    if (name === 'TEMPORAL_API_KEY' || name === 'TEMPORAL_PROFILE' || name.startsWith('TEMPORAL_TLS')) delete env[name];
  return env;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { settings } = options;
  const progress = options.progress ?? (() => undefined);
  const onEvent = options.onEvent ?? (() => undefined);
  const step = () => options.signal?.throwIfAborted();
  const started: { stop(): Promise<void>; forceKill(signal?: NodeJS.Signals): void }[] = [];
  let postgres: Postgres | undefined;
  // Whatever happens to this process, nothing it started outlives it.
  const killAll = () => {
    for (const process of started) process.forceKill();
    postgres?.process.kill('SIGQUIT');
  };
  process.once('exit', killAll);

  try {
    const binaries: Cluster['binaries'] = await findOrBuildTemporalServer(progress);
    if (settings.ui.enabled) {
      try {
        binaries.ui = (await findOrBuildTemporalUiServer(progress)).path;
      } catch (error) {
        binaries.uiProblem = error instanceof Error ? error.message : String(error);
      }
    }

    step();
    if (options.fresh) rmSync(settings.dir, { recursive: true, force: true });
    mkdirSync(settings.logDir, { recursive: true });
    progress(`Starting PostgreSQL on 127.0.0.1:${settings.postgres.port} (data in ${settings.postgres.dataDir})...`);
    postgres = await startPostgres({ ...settings.postgres, onLog: () => undefined });
    // PostgreSQL writes its own log to stderr, which we do not keep: warnings and errors only (see postgres.ts).
    if (postgres.initialised) progress('  new PostgreSQL data directory initialised');
    step();
    progress('Setting up the Temporal and visibility schemas...');
    const schemas = await setUpTemporalSchemas(binaries.sqlTool, binaries.moduleDir, postgres);

    step();
    writeTemporalConfig(settings, options.temporalLogLevel ?? 'warn');
    const address = `127.0.0.1:${settings.temporal.ports.frontend}`;
    const temporal = new Supervised(
      {
        name: 'temporal-server',
        command: binaries.server,
        args: ['--root', join(settings.dir, 'temporal'), '--config', 'config', '--env', TEMPORAL_CONFIG_ENV, '--allow-no-auth', 'start'],
        cwd: join(settings.dir, 'temporal'),
        logFile: join(settings.logDir, 'temporal-server.log'),
        restart: false,
        stopSignal: 'SIGTERM',
        stopTimeoutMs: 30_000,
        // Ready as soon as the frontend answers gRPC; the namespace is created right after.
        ready: (child) =>
          until(
            child,
            async () => (await temporalServes(address, settings.temporal.namespace)) || (await temporalServes(address, 'temporal-system')),
          ),
        readyTimeoutMs: 90_000,
      },
      onEvent,
    );
    started.push(temporal);
    progress(`Starting the Temporal server on ${address}...`);
    await temporal.start();
    step();
    const namespace = await ensureNamespace(address, settings.temporal.namespace, settings.temporal.retentionDays);

    // 127.0.0.1 like the APIs: the same site, so the console's SameSite=Strict cookie reaches the codec from the UI.
    const uiUrl = binaries.ui ? `http://127.0.0.1:${settings.ui.port}` : undefined;
    const apiUrls = settings.api.ports.map((port) => `http://127.0.0.1:${port}`);
    const codecEndpoint = apiUrls.length > 0 ? `${apiUrls[0]}/codec` : undefined;
    let ui: Supervised | undefined;
    if (binaries.ui) {
      const uiDir = join(settings.dir, 'ui');
      const uiArgs = writeTemporalUiConfig(uiDir, 'cluster', {
        temporalGrpcAddress: `127.0.0.1:${settings.temporal.ports.frontend}`,
        port: settings.ui.port,
        namespace: settings.temporal.namespace,
        ...(codecEndpoint ? { codecEndpoint } : {}),
      });
      ui = new Supervised(
        {
          name: 'temporal-ui',
          command: binaries.ui,
          args: uiArgs,
          cwd: uiDir,
          logFile: join(settings.logDir, 'temporal-ui.log'),
          restart: false,
          stopTimeoutMs: 5_000,
          ready: (child) => until(child, () => httpOk(`http://127.0.0.1:${settings.ui.port}/`)),
          readyTimeoutMs: 30_000,
        },
        onEvent,
      );
      started.push(ui);
    }

    const promSpec = prometheusSpec(settings, REPO_ROOT, join(settings.logDir, 'prometheus.log'));
    let prometheus: Supervised | undefined;
    if ('command' in promSpec) {
      const url = `http://127.0.0.1:${settings.prometheus.port}`;
      prometheus = new Supervised(
        { ...promSpec, ready: (child) => until(child, () => httpOk(`${url}/-/ready`)), readyTimeoutMs: 30_000 },
        onEvent,
      );
      started.push(prometheus);
    }

    const env = relayEnv(settings, uiUrl);
    const node = (name: string, entry: string, extraEnv: NodeJS.ProcessEnv, rest: Partial<ProcessSpec>): Supervised => {
      const process_ = new Supervised(
        {
          name,
          command: process.execPath,
          args: ['--import', 'tsx', join('src', entry)],
          cwd: REPO_ROOT,
          env: { ...env, ...extraEnv },
          logFile: join(settings.logDir, `${name}.log`),
          restart: true,
          stopSignal: 'SIGTERM',
          ...rest,
        },
        onEvent,
      );
      started.push(process_);
      return process_;
    };

    let sandbox: Supervised | undefined;
    const sandboxUrl = `http://127.0.0.1:${settings.sandbox.port}`;
    if (settings.sandbox.enabled) {
      sandbox = node(
        'sandbox',
        'sandbox-cli.ts',
        { API_PUBLIC_URL: options.sandboxRelayUrl ?? apiUrls[0] },
        {
          ready: (child) => until(child, () => httpOk(`${sandboxUrl}/`)),
          stopTimeoutMs: 5_000,
        },
      );
    }
    const apis = settings.api.ports.map((port, i) =>
      node(
        `api-${i + 1}`,
        'api.ts',
        { API_PORT: String(port), API_PUBLIC_URL: apiUrls[i] },
        {
          ready: (child) => until(child, () => httpOk(`${apiUrls[i]}/healthz`)),
          stopTimeoutMs: 10_000,
        },
      ),
    );
    const probe = Connection.lazy({ address, connectTimeout: '1s' });
    const workers = Array.from({ length: settings.workers }, (_, i) =>
      node(
        `worker-${i + 1}`,
        'worker.ts',
        // Each worker's own Prometheus endpoint (Temporal's worker metrics and our Lever/partner counters).
        { WORKER_METRICS_PORT: String(settings.workerMetricsPort + i) },
        {
          ready: (child) => until(child, () => workerPolls(probe, settings.temporal.namespace, settings.taskQueue, child.pid ?? -1), 500),
          readyTimeoutMs: 120_000,
          // Running activities finish (the SDK's graceful shutdown) before it exits.
          stopTimeoutMs: 30_000,
        },
      ),
    );

    step();
    progress(
      `Starting ${[ui ? 'the Temporal UI' : undefined, sandbox ? 'the sandbox' : undefined, `${apis.length} APIs`, `${workers.length} workers`].filter(Boolean).join(', ')}...`,
    );
    await Promise.all([ui?.start(), prometheus?.start(), sandbox?.start(), ...apis.map((a) => a.start())]);
    await Promise.all(workers.map((w) => w.start()));
    step();

    let stopped = false;
    const cluster: Cluster = {
      settings,
      binaries,
      postgres,
      schemas,
      namespace,
      temporal,
      ui,
      prometheus,
      ...('problem' in promSpec ? { prometheusProblem: promSpec.problem } : {}),
      sandbox,
      apis,
      workers,
      urls: {
        ...(prometheus ? { prometheus: `http://127.0.0.1:${settings.prometheus.port}` } : {}),
        temporal: address,
        ui: uiUrl,
        apis: apiUrls,
        sandbox: sandbox ? sandboxUrl : undefined,
        codec: ui ? codecEndpoint : undefined,
      },
      restartTemporal: () => temporal.start(),
      stop: async (say = progress) => {
        if (stopped) return;
        stopped = true;
        say(`Stopping the APIs (no new requests)...`);
        await Promise.all(apis.map((a) => a.stop()));
        say(`Stopping the workers (running activities finish)...`);
        await Promise.all(workers.map((w) => w.stop()));
        await probe.close().catch(() => undefined);
        if (sandbox || ui)
          say(`Stopping ${[sandbox ? 'the sandbox' : undefined, ui ? 'the Temporal UI' : undefined].filter(Boolean).join(' and ')}...`);
        await Promise.all([sandbox?.stop(), ui?.stop(), prometheus?.stop()]);
        say('Stopping the Temporal server...');
        await temporal.stop();
        say('Stopping PostgreSQL...');
        await postgres!.stop();
        process.removeListener('exit', killAll);
      },
      forceStop: () => {
        stopped = true;
        killAll();
        process.removeListener('exit', killAll);
      },
    };
    return cluster;
  } catch (error) {
    // A failed start leaves nothing running.
    await Promise.all(started.map((p) => p.stop().catch(() => undefined)));
    await postgres?.stop().catch(() => undefined);
    process.removeListener('exit', killAll);
    throw error;
  }
}

export function clusterExists(settings: ClusterSettings): boolean {
  return existsSync(join(settings.postgres.dataDir, 'PG_VERSION'));
}
