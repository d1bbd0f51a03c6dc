// `npm run backfill -- <integration> [--posting ID] [--stage ID] [--applied-since YYYY-MM-DD] [--dry-run]`:
// when an integration is switched on, the candidates already in Lever get what new ones get. Starts (or
// follows) the backfill workflow and shows its progress; Ctrl-C only stops following: the backfill goes on
// in Temporal, and the same command follows it again. A dry run prints, per decision, how many candidates
// it would concern, and changes nothing; the real run after it shows a bar against the dry run's count.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './assembly/config';
import { onStopSignals } from './dev/signals';
import { backfillOptions, backfillRequest, backfillStart, backfillWorkflowId, type BackfillOptions } from './opportunity/backfill';
import { bulkProgressQuery, type BulkProgress } from './opportunity/messages';
import { createTemporalClient } from './temporal/connection';
import { taskQueues } from './temporal/task-queues';

const USAGE = 'usage: npm run backfill -- <integration> [--posting ID] [--stage ID] [--applied-since YYYY-MM-DD] [--dry-run]';

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      posting: { type: 'string' },
      stage: { type: 'string' },
      'applied-since': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  return backfillRequest.safeParse({
    integration: positionals[0],
    ...(values.posting ? { posting: values.posting } : {}),
    ...(values.stage ? { stage: values.stage } : {}),
    ...(values['applied-since'] ? { appliedSince: values['applied-since'] } : {}),
    dryRun: values['dry-run'] ?? false,
  });
}

/** The count of the last finished dry run with these options: what the real run will walk. */
async function expectedTotal(client: Client, options: BackfillOptions): Promise<number | undefined> {
  if (options.dryRun) return undefined;
  try {
    const handle = client.workflow.getHandle(backfillWorkflowId({ ...options, dryRun: true }));
    const { status } = await handle.describe();
    return status.name === 'COMPLETED' ? ((await handle.result()) as BulkProgress).listed : undefined;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

function progressLine(progress: BulkProgress, expected: number | undefined, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? `${(progress.listed / seconds).toFixed(1)}/s` : '';
  const counts = `${progress.listed} listed, ${progress.triggered} triggered (${progress.pages} pages, ${rate}, ${seconds.toFixed(0)}s)`;
  if (!expected) return counts;
  const width = 30;
  const done = Math.min(1, progress.listed / expected);
  const filled = Math.round(done * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(done * 100).toFixed(0).padStart(3)}%  ${counts}`;
}

function printDecisions(progress: BulkProgress): void {
  for (const [integration, counts] of Object.entries(progress.decisions)) {
    console.log(`\n${integration}: what would happen to the ${progress.listed} open candidates listed`);
    for (const [reason, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${reason}`);
  }
}

async function main(): Promise<void> {
  const request = parse(process.argv.slice(2));
  if (!request.success)
    throw new Error(`${request.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}\n${USAGE}`);
  const config = loadConfig();
  const options = backfillOptions(config, request.data);
  if ('problem' in options) throw new Error(`${options.problem}\n${USAGE}`);
  const client = createTemporalClient(config);
  const action = backfillStart(config, options);
  const expected = await expectedTotal(client, options);
  const handle = await client.workflow.start(action.workflow, {
    workflowId: action.workflowId,
    taskQueue: taskQueues(config.temporal.taskQueue).main,
    args: action.args,
    typedSearchAttributes: action.searchAttributes,
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  console.log(
    `${options.dryRun ? 'Dry run' : 'Backfill'} ${action.workflowId} (see it in the Temporal UI: ${config.temporal.uiUrl}/namespaces/${config.temporal.namespace}/workflows/${encodeURIComponent(action.workflowId)})`,
  );
  const startedAt = Date.now();
  let following = true;
  onStopSignals(
    async () => {
      following = false;
      console.log(`\nStopped following. The backfill goes on in Temporal; run the same command again to follow it.`);
    },
    () => process.exit(1),
  );
  const tty = process.stdout.isTTY;
  let lastPrinted = 0;
  for (;;) {
    const { status } = await handle.describe();
    const progress = status.name === 'RUNNING' ? await handle.query(bulkProgressQuery) : ((await handle.result()) as BulkProgress);
    const line = progressLine(progress, expected, startedAt);
    if (tty) process.stdout.write(`\r${line}   `);
    else if (progress.done || Date.now() - lastPrinted > 5_000) {
      console.log(line);
      lastPrinted = Date.now();
    }
    if (progress.done) {
      if (tty) process.stdout.write('\n');
      if (progress.dryRun) printDecisions(progress);
      else console.log(`Done: ${progress.triggered} candidates handed to their opportunity processes; each decides as for a new event.`);
      break;
    }
    if (!following) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await client.connection.close();
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
