// Worker process: one Worker for workflows, partner and Temporal activities, one for Lever activities on
// their own queue. The Lever queue's rate is enforced by the server across all worker processes together,
// so scaling workers out never scales Lever calls past the per-key limit. Activities come from the
// registry: each integration adds its own.
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { integrationParts, loadConfig, type Config } from './assembly/config';
import { onStopSignals } from './dev/signals';
import { runChecks, settingsChecks } from './doctor/run';
import type { CallObserver } from './http/json-client';
import type { ActivityFunctions } from './integrations/kit/server';
import { createLeverActivities } from './lever/activities';
import { LeverClient } from './lever/client';
import { LeverLookupCache } from './lever/lookups';
import { queuedLeverReads } from './lever/queued-reads';
import { turnTakingLeverClient } from './lever/turn-taking-client';
import { registerWebhooks } from './lever/webhook-registration';
import { createLogger, type Logger } from './logger';
import { createSettingsActivities } from './settings/activities';
import { createIssueActivities } from './issues/activities';
import { ProcessObserver } from './issues/observer';
import { ensureIssuesSchedule } from './issues/schedule';
import { LiveSettings } from './settings/live';
import { installWorkerRuntime } from './worker-runtime';
import { createOpportunityActivities } from './opportunity/activities';
import { createBulkActivities } from './opportunity/bulk-activities';
import { ensureSweepSchedule } from './opportunity/sweep-schedule';
import { opportunityTriggers } from './opportunity/trigger';
import { workflowBundleOptions } from './temporal/bundle';
import { dataConverter, temporalConnectionOptions } from './temporal/connection';
import { taskQueues } from './temporal/task-queues';

export interface WorkerActivities {
  /** Main queue: partner calls and questions to Temporal. */
  main: ActivityFunctions;
  /** Lever queue: one Lever request each, rate-limited across all workers. */
  lever: ActivityFunctions;
}

export function createActivities(config: Config, client: Client, live: LiveSettings, observe?: CallObserver): WorkerActivities {
  const lever = new LeverClient({ baseUrl: config.lever.baseUrl, apiKey: config.lever.apiKey, observe });
  const cache = new LeverLookupCache(config.lever.lookupCacheTtlMs);
  const opportunityActivities = createOpportunityActivities(client);
  const leverActivities = createLeverActivities(lever, cache);
  const bulk = createBulkActivities({
    lever,
    cache,
    client,
    triggers: opportunityTriggers(config, () => live.triggerSettings()),
    settings: () => live.triggerSettings(),
    leverActivities,
    opportunityActivities,
  });
  const settingsActivities = createSettingsActivities({ client, envConfig: config, env: live.env });
  const issueActivities = createIssueActivities({
    client,
    config: () => live.current().config,
    // The doctor's checks with the settings in force; Lever read through the rate-limited Lever queue.
    checks: () => runChecks(live.current().config, client, queuedLeverReads(client, config.temporal.taskQueue)),
  });
  const activities: WorkerActivities = {
    main: { ...opportunityActivities, ...settingsActivities, ...issueActivities },
    lever: { ...leverActivities, ...bulk },
  };
  for (const { server, section } of integrationParts(config)) {
    const own = server.activities(section, { lever, observe });
    Object.assign(activities.main, own.partner);
    Object.assign(activities.lever, own.lever);
  }
  return activities;
}

export interface RelayWorkers {
  /** What each integration's start-up hook did (e.g. the Wintro sync schedule). */
  started: Record<string, string>;
  /** The settings in force in this worker. */
  settings: LiveSettings;
  run(): Promise<void>;
  shutdown(): void;
}

export interface CreateWorkersOptions {
  config: Config;
  connection: NativeConnection;
  namespace?: string;
  /** Counts every Lever and partner call (worker metrics). */
  observe?: CallObserver;
  /** Tests pass a pre-built bundle so it is built once per suite. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The settings in force, kept current; by default read from this deployment's settings workflow. */
  settings?: LiveSettings;
}

export async function createWorkers({
  config,
  connection,
  namespace,
  workflowBundle,
  observe,
  settings,
}: CreateWorkersOptions): Promise<RelayWorkers> {
  const queues = taskQueues(config.temporal.taskQueue);
  const common = { connection, namespace: namespace ?? config.temporal.namespace, dataConverter: dataConverter(config) };
  const client = new Client({ connection, namespace: common.namespace, dataConverter: common.dataConverter });
  const live = settings ?? new LiveSettings(client, config);
  await live.start();
  // What this worker's calls show that no visibility count can (Lever 429s, failing services), reported to
  // the issues workflow once per evaluation interval when there is something to say.
  const observer = new ProcessObserver({ client, taskQueue: config.temporal.taskQueue, windowMs: config.issues.observationWindowMs });
  const activities = createActivities(config, client, live, (call) => {
    observer.observeCall(call);
    observe?.(call);
  });
  const { workflowsPath, webpackConfigHook } = workflowBundleOptions();
  const main = await Worker.create({
    ...common,
    taskQueue: queues.main,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath, bundlerOptions: { webpackConfigHook } }),
    activities: activities.main,
    maxCachedWorkflows: config.temporal.maxCachedWorkflows,
  });
  const lever = await Worker.create({
    ...common,
    taskQueue: queues.lever,
    activities: activities.lever,
    maxTaskQueueActivitiesPerSecond: config.lever.ratePerSecond,
  });
  // Schedules live in Temporal; the worker that will run their workflows keeps them current, with the
  // settings in force (a console change is applied by the settings workflow's activity).
  const current = live.current().config;
  const started: Record<string, string> = {
    sweep: await ensureSweepSchedule(client, current),
    issues: await ensureIssuesSchedule(client, current),
  };
  // Reports start once the workers exist (a worker that cannot start has nothing to report).
  observer.start(config.issues.evaluationIntervalMs);
  for (const { integration, server, section } of integrationParts(current)) {
    if (server.onWorkerStart) started[integration.name] = await server.onWorkerStart({ client, section, relay: current });
  }
  return {
    started,
    settings: live,
    run: async () => {
      await Promise.all([main.run(), lever.run()]);
    },
    shutdown: () => {
      if (!settings) void live.stop();
      void observer.stop();
      for (const worker of [main, lever]) if (worker.getState() === 'RUNNING') worker.shutdown();
    },
  };
}

/**
 * LEVER_WEBHOOKS_MANAGE: our webhooks registered at start, once the workers run: each request waits for its turn
 * on the Lever queue, so a fleet restarting in a loop stays under Lever's rate. A failure is logged, not fatal
 * (the API still verifies with what it has).
 */
async function manageWebhooks(config: Config, client: Client, logger: Logger): Promise<void> {
  try {
    const lever = turnTakingLeverClient(client, config);
    const { created, enabled, unchanged } = await registerWebhooks(lever, `${config.api.publicUrl}/webhooks/lever`);
    logger.info({ created, enabled, unchanged: unchanged.length }, 'our Lever webhooks are registered');
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'our Lever webhooks could not be registered');
  }
}

export async function connectWorkerConnection(config: Config): Promise<{ connection: NativeConnection; namespace: string }> {
  const { connectionOptions, namespace } = temporalConnectionOptions(config);
  return { connection: await NativeConnection.connect(connectionOptions), namespace };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('worker', config.logLevel);
  // Signals are ours: one Ctrl-C (or SIGTERM from a deployment) drains the workers, a second forces.
  const metrics = installWorkerRuntime(config, logger);
  const { connection, namespace } = await connectWorkerConnection(config);
  const workers = await createWorkers({ config, connection, namespace, observe: metrics.observe });
  const running = workers.run();
  onStopSignals(
    async (signal) => {
      logger.info({ signal }, 'draining: tasks in progress finish, no new ones are taken');
      workers.shutdown();
      await running;
    },
    () => process.exit(1),
  );
  logger.info(
    { taskQueue: config.temporal.taskQueue, leverRatePerSecond: config.lever.ratePerSecond, started: workers.started },
    'worker running',
  );
  // The doctor's checks, logged: a mistake in configuration shows at deploy, not at the first failing export.
  const checksClient = new Client({ connection, namespace, dataConverter: dataConverter(config) });
  const { settings } = workers;
  metrics.settingsVersion(settings.current().version);
  metrics.leverRateLimit(config.lever.ratePerSecond);
  settings.onChange((current) => metrics.settingsVersion(current.version));
  if (settings.status().error)
    logger.warn({ problem: settings.status().error }, 'settings not read: running with the environment and defaults');
  if (config.lever.webhooksManage) void manageWebhooks(config, checksClient, logger);
  void runChecks(settings.current().config, checksClient, queuedLeverReads(checksClient, config.temporal.taskQueue)).then(
    (checked) => {
      const results = [...settingsChecks(settings), ...checked];
      const failed = results.filter((r) => !r.ok);
      if (failed.length === 0) logger.info({ checks: results.length }, 'configuration checks pass');
      for (const r of failed) logger.warn({ check: r.name, problem: r.detail, fix: r.fix }, 'configuration check failed (npm run doctor)');
    },
    (error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'configuration checks could not run'),
  );
  await running;
  await connection.close();
  logger.info('worker stopped');
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    // Exit, do not linger: the runtime, its connection and the metrics port would keep a worker that never
    // started alive and idle forever (seen when one started while the Temporal server was down); a process
    // manager starts it again.
    process.exit(1);
  });
}
