// Bench phase 9: what one issues evaluation costs against BENCH_OPEN_PROCESSES (20,000) open processes. An
// evaluation's facts are visibility *counts* (and at most one page of 10 examples), three task queue
// descriptions, the sweep schedule and the observations query, plus the doctor's checks through the Lever
// queue; none of it lists the processes, so it should cost about the same at 0 or 20,000. The processes are
// real opportunity processes started with a start delay of a day: open in visibility (Running, on the
// relay's task queue, one in ten with `RelayStatus = lever-refused`, so that count and its examples are read
// too) without any worker running them. Printed, not asserted.
import type { Client } from '@temporalio/client';
import type { Config } from '../src/assembly/config';
import { runChecks } from '../src/doctor/run';
import { issuesEvaluation } from '../src/issues/evaluation-workflow';
import { measureFacts } from '../src/issues/facts';
import { observedQuery } from '../src/issues/messages';
import { NOTHING_OBSERVED } from '../src/issues/observed';
import { queuedLeverReads } from '../src/lever/queued-reads';
import { opportunityProcess } from '../src/opportunity/workflow';
import { SEARCH_ATTRIBUTES } from '../src/temporal/search-attributes';
import { taskQueues } from '../src/temporal/task-queues';
import { workflowIds } from '../src/temporal/workflow-ids';
import { fmt, runConcurrently } from './load';

const OPEN = Number(process.env.BENCH_OPEN_PROCESSES ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SAMPLES = 3;

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(samples: number, run: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  return median(ms);
}

export async function benchIssues(log: (line: string) => void, { config, client, run }: { config: Config; client: Client; run: string }) {
  log(`\n9. Issues: one evaluation against ${OPEN.toLocaleString('en')} open processes (median of ${SAMPLES}; before -> after)`);
  const queue = taskQueues(config.temporal.taskQueue).main;
  let evaluations = 0;
  /** One whole evaluation as the schedule starts it: the workflow, its activity, the checks, the signal. */
  const evaluation = () =>
    client.workflow.execute(issuesEvaluation, {
      taskQueue: queue,
      workflowId: `${workflowIds.issuesEvaluation(queue)}/bench-${run}-${evaluations++}`,
    });
  /** The Temporal side of it alone: counts, one page of examples, task queues, schedule, observations. */
  const temporalReads = () =>
    measureFacts({
      client,
      config,
      checks: async () => [],
      observed: () =>
        client.workflow
          .getHandle(workflowIds.issues(config.temporal.taskQueue))
          .query(observedQuery)
          .catch(() => NOTHING_OBSERVED),
    });
  /** The doctor's checks alone, Lever read through the Lever queue as the evaluation reads it. */
  const checks = () => runChecks(config, client, queuedLeverReads(client, config.temporal.taskQueue));

  const measure = async () => ({
    whole: await timed(SAMPLES, evaluation),
    temporal: await timed(SAMPLES, temporalReads),
    checks: await timed(SAMPLES, checks),
  });
  const before = await measure();

  const started = performance.now();
  await runConcurrently(OPEN, CONCURRENCY, (i) =>
    client.workflow.start(opportunityProcess, {
      taskQueue: queue,
      workflowId: `bench-open/${run}/${i}`,
      args: [{ opportunityId: `bench-open-${run}-${i}`, settings: {}, pairWindowMs: 0 }],
      startDelay: '24h',
      typedSearchAttributes: [{ key: SEARCH_ATTRIBUTES.status, value: i % 10 === 0 ? 'lever-refused' : 'waiting' }],
    }),
  );
  const startedMs = performance.now() - started;
  const { count } = await client.workflow.count(`ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`);
  log(`   ${count.toLocaleString('en')} processes open on ${queue} (started in ${fmt(startedMs / 1000)} s)`);
  const after = await measure();
  const row = (what: string, key: keyof typeof before) =>
    log(`   ${what.padEnd(52)} ${fmt(before[key], 0)} ms -> ${fmt(after[key], 0)} ms`);
  row('one evaluation (workflow, checks, counts, signal)', 'whole');
  row('  of which the Temporal reads (counts, queues, ...)', 'temporal');
  row("  of which the doctor's checks (Lever via its queue)", 'checks');
}
