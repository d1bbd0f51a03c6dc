// Connections to the test run's Temporal server (started once by global-setup.ts).
import { Client, Connection, WorkflowNotFoundError, type ClientOptions } from '@temporalio/client';
import { DefaultLogger, makeTelemetryFilterString, Runtime, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/assembly/config';
import { dataConverter } from '../../src/temporal/connection';

const temporalEnums = temporal.api.enums.v1;

export function testTemporalAddress(): string {
  const address = process.env.TEMPORAL_TEST_ADDRESS;
  if (!address) throw new Error('TEMPORAL_TEST_ADDRESS is not set: run tests through jest (global setup starts Temporal)');
  return address;
}

export async function testClient(
  config: Pick<Config, 'payloadKey' | 'temporal'>,
  interceptors?: ClientOptions['interceptors'],
): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporal.address });
  return new Client({ connection, namespace: config.temporal.namespace, dataConverter: dataConverter(config), interceptors });
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    TEMPORAL_ADDRESS: testTemporalAddress(),
    RELAY_TASK_QUEUE: `test-${randomUUID()}`,
    LOG_LEVEL: 'silent',
    // Evaluations read Lever every period: only the issues tests ask for them (others count Lever requests).
    ISSUES_EVALUATION_INTERVAL: 'off',
    // Likewise the sweep: its schedule fires at every quarter hour of the clock (15 min from the epoch), not
    // 15 min after it was made, so a test running across one saw extra looks and Lever reads.
    LEVER_SWEEP_INTERVAL: 'off',
    ...env,
  });
}

/** Worker logs at ERROR in tests: state changes and expected activity retries drown the jest output. */
export function quietRuntime(): void {
  try {
    Runtime.install({
      logger: new DefaultLogger('ERROR'),
      // Core's own retries while a server is down (the restart test) are expected: errors only.
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
    });
  } catch {
    // Already installed by an earlier test file in this jest worker process.
  }
}

/** The result of a workflow that a webhook is about to start: waits for it to exist first. */
export async function resultOnceStarted<T>(client: Client, workflowId: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.workflow.getHandle(workflowId).describe();
      return await client.workflow.getHandle(workflowId).result();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Replays one history against the workflow bundle, throwing what makes it non-deterministic. Not
 * `Worker.runReplayHistory`: it takes the first result and never closes the iteration, so its replay worker
 * is never shut down and the Temporal runtime it holds keeps the jest worker process from exiting. Iterating
 * to the end runs the shutdown.
 */
export async function replayHistory(
  options: ReplayWorkerOptions,
  history: temporal.api.history.v1.IHistory,
  workflowId: string,
): Promise<void> {
  for await (const { error } of Worker.runReplayHistories(options, [{ history, workflowId }])) {
    if (error) throw error;
  }
}

/**
 * One workflow's state in a few lines, for a test's timeout message: its status, each pending activity
 * with its attempt and last failure, and its last history events with their times.
 */
export async function explainWorkflow(client: Client, workflowId: string, lastEvents = 12): Promise<string> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe();
  const lines = [`${workflowId}: ${description.status.name}`];
  for (const activity of description.raw.pendingActivities ?? []) {
    const failure = activity.lastFailure?.message ? `, last failure: ${activity.lastFailure.message}` : '';
    lines.push(`  pending ${activity.activityType?.name} attempt ${activity.attempt} (${stateName(activity.state)})${failure}`);
  }
  const events = (await handle.fetchHistory()).events ?? [];
  const start = Number(events[0]?.eventTime?.seconds ?? 0) * 1000 + (events[0]?.eventTime?.nanos ?? 0) / 1e6;
  for (const event of events.slice(-lastEvents)) {
    const at = Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
    const type = event.eventType === undefined || event.eventType === null ? '?' : eventTypeName(event.eventType);
    lines.push(`  +${((at - start) / 1000).toFixed(1)}s ${type}`);
  }
  return lines.join('\n');
}

function stateName(state: number | null | undefined): string {
  return state === undefined || state === null ? '?' : (temporalEnums.PendingActivityState[state] ?? String(state));
}

function eventTypeName(type: number): string {
  return (temporalEnums.EventType[type] ?? String(type)).replace(/^EVENT_TYPE_/, '');
}
