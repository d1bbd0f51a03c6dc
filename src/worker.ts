// Worker process: one Worker for workflows and partner activities, one for Lever activities on their own
// queue. The Lever queue's rate is enforced by the server across all worker processes together, so
// scaling workers out never scales Lever calls past the per-key limit.
import { Client } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';
import { loadConfig, type Config } from './config';
import { LeverClient } from './lever/client';
import { createLogger } from './logger';
import { HrlogicsClient } from './partners/hrlogics';
import { ReftyClient } from './partners/refty';
import { WilloClient } from './partners/willo';
import { TechInterviewClient } from './partners/tech-interview';
import { WintroClient } from './partners/wintro';
import { dataConverter, taskQueues, temporalConnectionOptions } from './temporal';
import { ensureWintroSyncSchedule, type ScheduleOutcome } from './wintro-schedule';

export function createActivityDeps(config: Config): ActivityDeps {
  return {
    lever: new LeverClient({ baseUrl: config.lever.baseUrl, apiKey: config.lever.apiKey }),
    hrlogics: new HrlogicsClient({ baseUrl: config.hrlogics.baseUrl, apiKey: config.hrlogics.apiKey }),
    willo: new WilloClient({ baseUrl: config.willo.baseUrl, apiKey: config.willo.apiKey, authPrefix: config.willo.authPrefix }),
    refty: new ReftyClient({ baseUrl: config.refty.baseUrl, apiKey: config.refty.apiKey }),
    wintro: new WintroClient({ baseUrl: config.wintro.baseUrl, apiKey: config.wintro.apiKey }),
    techInterview: new TechInterviewClient({ baseUrl: config.techInterview.baseUrl, apiKey: config.techInterview.apiKey, platformName: config.techInterview.platformName }),
  };
}

export interface RelayWorkers {
  /** What starting the workers did to the Wintro sync schedule. */
  schedules: { wintroSync: ScheduleOutcome };
  run(): Promise<void>;
  shutdown(): void;
}

export interface CreateWorkersOptions {
  config: Config;
  connection: NativeConnection;
  namespace?: string;
  deps?: ActivityDeps;
  /** Tests pass a pre-built bundle so it is built once per suite. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createWorkers({ config, connection, namespace, deps = createActivityDeps(config), workflowBundle }: CreateWorkersOptions): Promise<RelayWorkers> {
  const queues = taskQueues(config.temporal.taskQueue);
  const activities = createActivities(deps);
  const common = { connection, namespace: namespace ?? config.temporal.namespace, dataConverter: dataConverter(config) };
  const main = await Worker.create({
    ...common,
    taskQueue: queues.main,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('./workflows') }),
    activities: activities.partners,
    maxCachedWorkflows: config.temporal.maxCachedWorkflows,
  });
  const lever = await Worker.create({
    ...common,
    taskQueue: queues.lever,
    activities: activities.lever,
    maxTaskQueueActivitiesPerSecond: config.lever.ratePerSecond,
  });
  // Schedules live in Temporal; the worker that will run their workflows keeps them current.
  const client = new Client({ connection, namespace: common.namespace, dataConverter: common.dataConverter });
  const schedules = { wintroSync: await ensureWintroSyncSchedule(client, config) };
  return {
    schedules,
    run: async () => {
      await Promise.all([main.run(), lever.run()]);
    },
    shutdown: () => {
      for (const worker of [main, lever]) if (worker.getState() === 'RUNNING') worker.shutdown();
    },
  };
}

export async function connectWorkerConnection(config: Config): Promise<{ connection: NativeConnection; namespace: string }> {
  const { connectionOptions, namespace } = temporalConnectionOptions(config);
  return { connection: await NativeConnection.connect(connectionOptions), namespace };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('worker', config.logLevel);
  // Runtime.install registers SIGINT/SIGTERM handlers that shut workers down gracefully.
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const { connection, namespace } = await connectWorkerConnection(config);
  const workers = await createWorkers({ config, connection, namespace });
  logger.info({ taskQueue: config.temporal.taskQueue, leverRatePerSecond: config.lever.ratePerSecond, schedules: workers.schedules }, 'worker running');
  await workers.run();
  await connection.close();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
