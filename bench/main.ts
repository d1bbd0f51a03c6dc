// `npm run bench`: the DESIGN targets, measured on a real Temporal dev server (SQLite in WAL mode, as
// `npm start` runs it) and the sandbox over real HTTP, with every integration on. Prints its figures;
// asserts nothing.
//   1. ingress: webhook -> one signal-with-start, vs the raw client calls on the same server; CPU per call of
//      the server, the API and the load generator (the bare client), and the API's overhead over that client
//   2. ack latency at half the ingress rate (DESIGN) and at 90% of the raw signal-with-start rate (p50/p99),
//      beside the bare forwarder's and the bare client's at the same rate
//   3. Lever requests per event type, and the events/s the configured Lever rate allows
//   4. Lever rate limit: a burst of new applications vs the time the limit allows; 429s caused by us
//   5. cost: billable Temporal actions per candidate and flow, counted from every run's real history
//   6. a sweep of 1,000 updated opportunities: Lever requests and time
//   7. webhook -> partner latency without and during a backfill of 5,000
//   8. the console: a saved change reaching the other API and the worker; page latency
//   9. issues: one evaluation against 20,000 open processes (and before them)
// Sizes: BENCH_STARTS (600), BENCH_CONCURRENCY (64), BENCH_BURST (160), BENCH_SWEEP (1000), BENCH_BACKFILL
// (5000; 0: no backfill in 7), BENCH_LATENCY_SAMPLES (10), BENCH_OPEN_PROCESSES (20000). BENCH_PHASES=1,7 runs only those (3, 4 and 5
// run together); BENCH_API_PROF=<dir> writes a CPU profile of the API process of phase 1 and 2.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api';
import { integrationParts, loadConfig, type Config } from '../src/assembly/config';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../src/config/sandbox-defaults';
import { startDevServer } from '../src/dev/dev-server';
import { findOrBuildTemporalCli } from '../src/dev/temporal-cli';
import { hrlogicsControl } from '../src/integrations/hrlogics/sandbox/control-client';
import { willoControl } from '../src/integrations/willo/sandbox/control-client';
import { WILLO_TAGS } from '../src/integrations/willo/tags';
import { leverSignature } from '../src/lever/webhook';
import { createLogger } from '../src/logger';
import { webhookTrigger } from '../src/opportunity/messages';
import { bulkProgressQuery, type BulkProgress } from '../src/opportunity/messages';
import { sweepScheduleId } from '../src/opportunity/sweep-schedule';
import { opportunityTriggers } from '../src/opportunity/trigger';
import { opportunityProcess } from '../src/opportunity/workflow';
import { SandboxControl, type LoggedRequest } from '../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../src/sandbox/lever/seed';
import { startSandbox } from '../src/assembly/sandbox';
import { dataConverter } from '../src/temporal/connection';
import { searchAttributeQuery } from './queries';
import { addActions, billableActions } from './actions';
import { startApiProcess } from './api-process';
import { cpuPerCall } from './cpu';
import { fmt, percentile, runAtRate, runConcurrently, webhookPoster } from './load';
import { decisionOf } from '../test/harness/opportunity';
import { createWorkers } from '../src/worker';
import { benchIssues } from './issues';
import { benchSettings } from './settings';
import { integrationProcessId, workflowIds } from '../src/temporal/workflow-ids';

const STARTS = Number(process.env.BENCH_STARTS ?? 600);
// Enough concurrent requests to saturate the server, so every path is measured at capacity.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const BURST = Number(process.env.BENCH_BURST ?? 160);
const SWEEP = Number(process.env.BENCH_SWEEP ?? 1_000);
const BACKFILL = Number(process.env.BENCH_BACKFILL ?? 5_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 10);
const PHASES = new Set((process.env.BENCH_PHASES ?? '1,2,3,4,5,6,7,8,9').split(',').map((p) => Number(p.trim())));
/** Whether a phase runs: 1 and 2 go together, and so do 3, 4 and 5 (5 counts the candidates of 3 and 4). */
const phase = (n: number) =>
  [
    n,
    ...([
      [1, 2],
      [3, 4, 5],
    ].find((group) => group.includes(n)) ?? []),
  ].some((p) => PHASES.has(p));
const log = (line: string) => console.log(line);

function signedWebhook(event: string, data: Record<string, unknown>) {
  const token = randomBytes(24).toString('hex');
  const triggeredAt = Date.now();
  const key = SANDBOX_LEVER_WEBHOOK_TOKENS[event as keyof typeof SANDBOX_LEVER_WEBHOOK_TOKENS];
  return JSON.stringify({ event, triggeredAt, token, signature: leverSignature(key, token, triggeredAt), data });
}

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function until(what: string, probe: () => Promise<unknown>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ingress(config: Config, client: Client, run: string, serverPid: number): Promise<number> {
  // Ingress runs against a queue no worker polls: we measure accepting work, not doing it.
  const idle: Config = { ...config, temporal: { ...config.temporal, taskQueue: `bench-idle-${run}` } };
  const triggers = opportunityTriggers(idle);
  log(`\n1. Ingress throughput and CPU per call (${STARTS} calls each, ${CONCURRENCY} concurrent, every integration on)`);
  // Raw calls are measured before and after the webhooks and averaged: SQLite slows as it fills, so
  // whichever ran second would otherwise look worse. CPU is utime + stime from /proc/<pid>/stat.
  const self = { server: serverPid, client: process.pid };
  const rawRate = async (round: string, call: (id: string) => Promise<unknown>) => {
    const started = performance.now();
    const { perCall } = await cpuPerCall(self, STARTS, () => runConcurrently(STARTS, CONCURRENCY, (i) => call(`raw-${round}-${run}-${i}`)));
    return { rate: STARTS / ((performance.now() - started) / 1000), cpu: perCall };
  };
  const rawStart = (id: string) => {
    const { signal: _signal, signalArgs: _args, ...options } = triggers.options(id, webhookTrigger('applicationCreated', Date.now()));
    return client.workflow.start('opportunityProcess', options);
  };
  const rawSignalWithStart = (id: string) => triggers.trigger(client, id, webhookTrigger('applicationCreated', Date.now()));
  // The same call with no integration's settings in its signal: what carrying them costs the server.
  const bareOptions = (id: string) => {
    const options = triggers.options(id, webhookTrigger('applicationCreated', Date.now()));
    const [trigger] = options.signalArgs;
    return { ...options, signalArgs: [{ ...trigger, settings: { ...trigger.settings, settings: {} } }] as typeof options.signalArgs };
  };
  const bareSignalWithStart = (id: string) => client.workflow.signalWithStart(opportunityProcess, bareOptions(id));
  const startBefore = await rawRate('start-before', rawStart);
  const swsBefore = await rawRate('sws-before', rawSignalWithStart);
  const bareBefore = await rawRate('bare-before', bareSignalWithStart);

  // The API runs as its own process (`npm run api`), as in production: its event loop is not shared with
  // the load generator's HTTP client (node:http with keep-alive, as lean as a client gets).
  const api = await startApiProcess({
    TEMPORAL_ADDRESS: config.temporal.address,
    RELAY_TASK_QUEUE: idle.temporal.taskQueue,
    LOG_LEVEL: 'silent',
  });
  const hooks = webhookPoster(api.url);
  const post = (opportunityId: string) => hooks.post(signedWebhook('applicationCreated', { opportunityId }));
  // The floor: the same call behind a bare node:http server with none of the API's checks.
  const forwarder = await startApiProcess(
    { TEMPORAL_ADDRESS: config.temporal.address, RELAY_TASK_QUEUE: idle.temporal.taskQueue, LOG_LEVEL: 'silent' },
    join(__dirname, 'forwarder-process.ts'),
  );
  const forwarderHooks = webhookPoster(forwarder.url);
  const forward = (opportunityId: string) => forwarderHooks.post(signedWebhook('applicationCreated', { opportunityId }));
  // A running API has loaded and compiled its code; these have just started. Warm them up first (not
  // counted), as the client above was by its own raw calls.
  await runConcurrently(Math.min(STARTS, 300), CONCURRENCY, (i) => post(`warm-${run}-${i}`));
  await runConcurrently(Math.min(STARTS, 300), CONCURRENCY, (i) => forward(`fwarm-${run}-${i}`));
  // The API and the forwarder take turns, three rounds each, and each figure is the median of its rounds:
  // one round's CPU per webhook moves by tenths of a millisecond with whatever else the machine does.
  type Round = { rate: number; server: number; own: number; generator: number };
  const rounds: Record<'api' | 'forwarder', Round[]> = { api: [], forwarder: [] };
  const measure = async (name: 'api' | 'forwarder', pid: number, send: (id: string) => Promise<void>, round: number) => {
    const started = performance.now();
    const { perCall } = await cpuPerCall({ ...self, [name]: pid }, STARTS, () =>
      runConcurrently(STARTS, CONCURRENCY, (i) => send(`${name}-${round}-${run}-${i}`)),
    );
    rounds[name].push({
      rate: STARTS / ((performance.now() - started) / 1000),
      server: perCall.server,
      own: perCall[name],
      generator: perCall.client,
    });
  };
  for (let round = 0; round < 3; round++) {
    await measure('api', api.pid, post, round);
    await measure('forwarder', forwarder.pid, forward, round);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const medians = (list: Round[]) => ({
    generator: median(list.map((r) => r.generator)),
    rate: median(list.map((r) => r.rate)),
    server: median(list.map((r) => r.server)),
    own: median(list.map((r) => r.own)),
    spread: `${fmt(Math.min(...list.map((r) => r.own)), 2)}-${fmt(Math.max(...list.map((r) => r.own)), 2)} ms`,
  });
  const hook = medians(rounds.api);
  const floor = medians(rounds.forwarder);
  const ingressRate = hook.rate;
  const startAfter = await rawRate('start-after', rawStart);
  const swsAfter = await rawRate('sws-after', rawSignalWithStart);
  const bareAfter = await rawRate('bare-after', bareSignalWithStart);
  const mean = (a: { rate: number; cpu: Record<string, number> }, b: typeof a) => ({
    rate: (a.rate + b.rate) / 2,
    server: (a.cpu.server + b.cpu.server) / 2,
    client: (a.cpu.client + b.cpu.client) / 2,
  });
  const start = mean(startBefore, startAfter);
  const sws = mean(swsBefore, swsAfter);
  const bare = mean(bareBefore, bareAfter);
  const ms = (n: number) => `${fmt(n, 2)} ms`;
  const inputBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  log(
    `   raw client.workflow.start:           ${fmt(start.rate)} calls/s (${fmt(startBefore.rate)} before, ${fmt(startAfter.rate)} after the webhooks); CPU per call: server ${ms(start.server)}, client ${ms(start.client)}`,
  );
  log(
    `   raw client.workflow.signalWithStart: ${fmt(sws.rate)} calls/s (${fmt(swsBefore.rate)} before, ${fmt(swsAfter.rate)} after); CPU per call: server ${ms(sws.server)}, client ${ms(sws.client)}`,
  );
  log(
    `   the same with no settings in its signal (${inputBytes(bareOptions('x').signalArgs)} bytes of JSON instead of ${inputBytes(triggers.options('x', webhookTrigger('applicationCreated', 0)).signalArgs)}): ${fmt(bare.rate)} calls/s; CPU per call: server ${ms(bare.server)}, client ${ms(bare.client)}`,
  );
  log(
    `   webhook ingress (HTTP, one signal-with-start per webhook): ${fmt(hook.rate)} webhooks/s; CPU per webhook: server ${ms(hook.server)}, API ${ms(hook.own)} (median of 3 rounds: ${hook.spread}), load generator ${ms(hook.generator)}`,
  );
  log(
    `   the same webhooks through a bare node:http forwarder (no checks, the same call): ${fmt(floor.rate)} webhooks/s; CPU per webhook: server ${ms(floor.server)}, forwarder ${ms(floor.own)} (${floor.spread})`,
  );
  log(
    `   ingress/raw per webhook: ${fmt(ingressRate / sws.rate, 2)} of raw signal-with-start (goal >= 0.90), ${fmt(ingressRate / start.rate, 2)} of raw start; the forwarder: ${fmt(floor.rate / sws.rate, 2)}`,
  );
  log(
    `   API overhead per webhook over a bare Temporal client: ${ms(hook.own)} - ${ms(sws.client)} = ${ms(hook.own - sws.client)} CPU (goal <= 0.5 ms)`,
  );
  log(
    `   of which the API's own work (API - forwarder): ${ms(hook.own)} - ${ms(floor.own)} = ${ms(hook.own - floor.own)}; receiving HTTP one request at a time (forwarder - bare client): ${ms(floor.own - sws.client)}`,
  );
  log(
    `   server CPU per signal-with-start: ${ms(hook.server)} per webhook, ${ms(sws.server)} raw, ${ms(bare.server)} without settings: the settings cost the server ${ms(sws.server - bare.server)} per call`,
  );

  // DESIGN asks for p99 at half the ingress rate; issue 16 for 90% of the raw signal-with-start rate.
  for (const [label, rate] of [
    ['half the ingress rate', ingressRate / 2],
    ['90% of the raw signal-with-start rate', sws.rate * 0.9],
  ] as const) {
    const ackCount = Math.max(50, Math.round(rate * 10));
    log(`\n2. Ack latency at ${label} (${fmt(rate)}/s, ${ackCount} webhooks)`);
    const { result: latencies, perCall } = await cpuPerCall({ ...self, api: api.pid }, ackCount, () =>
      runAtRate(ackCount, rate, (i) => post(`ack-${Math.round(rate)}-${run}-${i}`)),
    );
    log(
      `   p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(Math.max(...latencies))} ms (target p99 <= 50 ms); CPU per webhook: server ${ms(perCall.server)}, API ${ms(perCall.api)}`,
    );
    // The floors at the same rate: an ack cannot come before Temporal's answer to the one call it waits
    // for, so the bare client's latency is what any API would add its own to.
    const floors: [string, (i: number) => Promise<unknown>][] = [
      ['the bare forwarder', (i) => forward(`ack-fwd-${Math.round(rate)}-${run}-${i}`)],
      ['the bare client (its signal-with-start itself)', (i) => rawSignalWithStart(`ack-raw-${Math.round(rate)}-${run}-${i}`)],
    ];
    for (const [name, call] of floors) {
      const floorLatencies = await runAtRate(ackCount, rate, async (i) => void (await call(i)));
      log(
        `   ${name} at the same rate: p50 ${fmt(percentile(floorLatencies, 50))} ms, p99 ${fmt(percentile(floorLatencies, 99))} ms, max ${fmt(Math.max(...floorLatencies))} ms`,
      );
    }
  }
  forwarderHooks.close();
  forwarder.stop();
  hooks.close();
  api.stop();
  return ingressRate;
}

/** Lever requests from `since` until `settled`, once the log has been quiet for a moment. */
async function leverRequestsFor(control: SandboxControl, since: number, settled: () => Promise<unknown>): Promise<LoggedRequest[]> {
  await until('the event to be handled', settled);
  await new Promise((r) => setTimeout(r, 1000));
  return (await control.leverRequests()).filter((r) => r.at >= since);
}

/** A sweep of `SWEEP` updated opportunities: its Lever requests (list pages plus what it causes) and time. */
async function sweep(client: Client, config: Config, control: SandboxControl): Promise<void> {
  log(`\n6. A sweep of ${SWEEP} opportunities updated since the last one`);
  const schedule = client.schedule.getHandle(sweepScheduleId(config.temporal.taskQueue));
  const before = (await control.leverRequests()).length;
  const started = Date.now();
  await schedule.trigger();
  let result: BulkProgress | undefined;
  await until('the sweep', async () => {
    const [action] = (await schedule.describe()).info.recentActions.slice(-1);
    if (!action) return false;
    const handle = client.workflow.getHandle(action.action.workflow.workflowId, action.action.workflow.firstExecutionRunId);
    if ((await handle.describe()).status.name !== 'COMPLETED') return false;
    result = (await handle.result()) as BulkProgress;
    return true;
  });
  const listedIn = Date.now() - started;
  // The runs it triggered decide from the listed snapshots; wait until Lever has been quiet for a while.
  let last = -1;
  await until('the triggered runs to settle', async () => {
    const n = (await control.leverRequests()).length;
    const quiet = n === last;
    last = n;
    await new Promise((r) => setTimeout(r, 1500));
    return quiet;
  });
  const requests = (await control.leverRequests()).slice(before);
  const lists = requests.filter((r) => r.method === 'GET' && r.path === '/opportunities').length;
  log(
    `   ${result!.listed} listed in ${result!.pages} pages, ${(listedIn / 1000).toFixed(1)} s to list and hand over (goal: ${Math.ceil(SWEEP / 100)} pages)`,
  );
  log(
    `   Lever requests: ${requests.length} (${lists} list pages, ${requests.length - lists} caused by the runs: lookups and writes; the runs read nothing)`,
  );
}

/** Webhook -> partner latency (a move into Willo's trigger stage -> the Willo invite), without and during a backfill. */
/** BENCH_TRACE=1: where one invite's time went, from its processes' histories (ms after the move). */
async function traceInvite(client: Client, opportunityId: string, moved: number, invitedAt: number): Promise<void> {
  const lines: [number, string][] = [[invitedAt - moved, 'the invite reaches Willo']];
  for (const workflowId of [workflowIds.opportunity(opportunityId), integrationProcessId('willo', opportunityId)]) {
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      const history = await client.workflow.getHandle(workflowId, execution.runId).fetchHistory();
      for (const event of history.events ?? []) {
        const at = Number(event.eventTime!.seconds) * 1000 + Math.round((event.eventTime!.nanos ?? 0) / 1e6);
        if (at >= moved) lines.push([at - moved, `${workflowId.split('/')[0]} ${String(event.eventType).replace('EVENT_TYPE_', '')}`]);
      }
    }
  }
  log(
    lines
      .sort((a, b) => a[0] - b[0])
      .map(([ms, what]) => `     ${String(ms).padStart(5)} ms  ${what}`)
      .join('\n'),
  );
}

async function latencyDuringBackfill(client: Client, config: Config, control: SandboxControl, apiUrl: string): Promise<void> {
  const willo = willoControl(control);
  const inviteLatency = async (label: string) => {
    const { opportunityId } = await control.apply({
      name: `Latency ${label}`,
      email: `lat-${randomUUID()}@example.com`,
      postingId: SEED_POSTING_IDS.backendEngineer,
    });
    await new Promise((r) => setTimeout(r, 1500));
    const moved = Date.now();
    await control.moveStage(opportunityId, 'phone-screen');
    let invitedAt = 0;
    await until('the invite', async () => {
      const [p] = await willo.participants(opportunityId);
      if (p) invitedAt = (p as unknown as { createdAt: number }).createdAt;
      return Boolean(p);
    });
    if (process.env.BENCH_TRACE) await traceInvite(client, opportunityId, moved, invitedAt);
    return invitedAt - moved;
  };
  log(
    `\n7. Webhook -> partner call latency (a move into Willo's trigger stage -> the invite), without and during a backfill of ${BACKFILL}`,
  );
  const quiet: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) quiet.push(await inviteLatency(`quiet ${i}`));
  const p95 = (values: number[]) => percentile(values, 95);
  log(`   without: p50 ${fmt(percentile(quiet, 50))} ms, p95 ${fmt(p95(quiet))} ms (goal p95 <= 250 ms)`);
  if (BACKFILL === 0) return;
  await control.bulkPostings({ count: Math.ceil(BACKFILL / 500), applicantsPerPosting: Math.min(500, BACKFILL) });
  const answer = await fetch(`${apiUrl}/admin/backfill`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.api.adminToken}` },
    body: JSON.stringify({ integration: 'willo' }),
  });
  const { workflowId } = (await answer.json()) as { workflowId: string };
  const backfill = client.workflow.getHandle(workflowId);
  const busy: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) busy.push(await inviteLatency(`busy ${i}`));
  const progress = await backfill.query(bulkProgressQuery).catch(() => undefined);
  log(
    `   during the backfill (${progress ? `${progress.listed} listed when the samples ended` : 'done'}): p50 ${fmt(percentile(busy, 50))} ms, p95 ${fmt(p95(busy))} ms`,
  );
  log(`   p95 difference: ${fmt((p95(busy) - p95(quiet)) / 1000, 2)} s (goal: within 2 s)`);
  const done = (await backfill.result()) as BulkProgress;
  log(`   the backfill: ${done.listed} listed in ${done.pages} pages`);
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const cliPath = await findOrBuildTemporalCli(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'lever-relay-bench-'));
  const port = 17233 + Math.floor(Math.random() * 500);
  log(`Temporal dev server on 127.0.0.1:${port}, SQLite WAL in ${dataDir}`);
  const dev = await startDevServer({ cliPath, dataDir, port, uiPort: port + 1000 });
  const run = randomUUID().slice(0, 8);
  const config = loadConfig({ TEMPORAL_ADDRESS: dev.address, RELAY_TASK_QUEUE: `bench-${run}`, LOG_LEVEL: 'silent' });
  const client = new Client({ connection: await Connection.connect({ address: dev.address }), dataConverter: dataConverter(config) });
  try {
    if (phase(1)) await ingress(config, client, run, dev.process.pid!);

    const { server: apiServer, url: apiUrl } = await listen(createApp({ config, client, logger: createLogger('api', 'silent') }));
    const sandbox = await startSandbox({ port: 0, relayUrl: apiUrl });
    config.lever.baseUrl = `${sandbox.baseUrl}/lever/v1`;
    for (const { integration, section } of integrationParts(config)) section.baseUrl = `${sandbox.baseUrl}/${integration.name}`;
    const control = new SandboxControl(sandbox.baseUrl);
    const hrlogics = hrlogicsControl(control);
    const willo = willoControl(control);
    const rate = config.lever.ratePerSecond;
    // Opportunities already in Lever before the relay first ran with the sweep on: the sweep looks at them
    // (they are updated within its first window) and acts on nothing older than its horizon.
    if (phase(6)) {
      await control.bulkPostings({ count: SWEEP / 200, applicantsPerPosting: 200 });
      await new Promise((r) => setTimeout(r, 50));
    }
    const connection = await NativeConnection.connect({ address: dev.address });
    const workers = await createWorkers({ config, connection });
    const running = workers.run();
    if (phase(6)) await sweep(client, config, control);

    if (phase(3)) {
      log(`\n3. Lever requests per event (all integrations on; the worker's cache of stage names and posting tags warm)`);
      const warm = await control.apply({ name: 'Warm Up', email: `warm-${run}@example.com`, postingId: SEED_POSTING_IDS.backendEngineer });
      await control.moveStage(warm.opportunityId, 'phone-screen');
      await until('the warm-up invite', async () => (await control.opportunity(warm.opportunityId)).tags.includes(WILLO_TAGS.invited));
      const applied = Date.now();
      const { opportunityId } = await control.apply({
        name: 'Budget',
        email: `budget-${run}@example.com`,
        postingId: SEED_POSTING_IDS.backendEngineer,
      });
      const onApply = await leverRequestsFor(control, applied, async () => (await hrlogics.screenings(opportunityId)).length > 0);
      const unused = Date.now();
      // Offer: no integration acts on it.
      await control.moveStage(opportunityId, 'offer');
      const onUnused = await leverRequestsFor(control, unused, () =>
        decisionOf(client, opportunityId, 'willo', { since: unused, reason: /not a Willo trigger stage/ }),
      );
      // On-site is a Refty step, and this posting has no Refty rule: Refty notes that once (a stop note).
      const stop = Date.now();
      await control.moveStage(opportunityId, 'onsite');
      const onStop = await leverRequestsFor(control, stop, async () => (await control.opportunity(opportunityId)).notes.length > 0);
      const trigger = Date.now();
      await control.moveStage(opportunityId, 'phone-screen');
      const onTrigger = await leverRequestsFor(control, trigger, async () =>
        (await control.opportunity(opportunityId)).tags.includes(WILLO_TAGS.invited),
      );
      for (const [event, requests, goal] of [
        ['applicationCreated', onApply, 1],
        ['stage change nobody uses', onUnused, 1],
        ['stage change into the Willo trigger stage', onTrigger, 2],
        ['(a one-time stop note: Refty step stage on a posting without a Refty rule)', onStop, 3],
      ] as const) {
        const list = requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`).join(', ');
        log(
          `   ${event}: ${requests.length} (goal ${goal}) -> capacity ${fmt(rate / Math.max(requests.length, 1))} events/s at ${rate} req/s [${list}]`,
        );
      }

      log(`\n4. Lever rate limit: a burst of ${BURST} applications (limit ${rate} req/s)`);
      const before = (await control.leverRequests()).length;
      const burstStarted = Date.now();
      const burst = await runConcurrently(BURST, 8, (i) => control.apply({ name: `Burst ${i}`, email: `burst-${run}-${i}@example.com` }));
      await until('every screening', async () =>
        (await Promise.all(burst.map(async (a) => (await hrlogics.screenings(a.opportunityId)).length))).every((c) => c > 0),
      );
      const burstMs = Date.now() - burstStarted;
      const burstRequests = (await control.leverRequests()).slice(before).filter((r) => r.at >= burstStarted);
      const allowedMs = (burstRequests.length / rate) * 1000;
      log(
        `   ${burstRequests.length} Lever requests; all ${BURST} screenings sent in ${fmt(burstMs / 1000, 2)} s; the limit allows ${fmt(allowedMs / 1000, 2)} s -> ${fmt(burstMs / allowedMs, 2)}x (target <= 1.1x)`,
      );
      log(`   429 answers from Lever: ${burstRequests.filter((r) => r.status === 429).length} (target 0)`);

      log('\n5. Billable Temporal actions per candidate, from every run that carries its LeverOpportunityId');
      const costOf = async (id: string) => {
        const byKind: Record<string, number> = {};
        let runs = 0;
        for await (const execution of client.workflow.list({ query: searchAttributeQuery(id) })) {
          runs += 1;
          addActions(byKind, billableActions(await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory()).byKind);
        }
        const total = Object.values(byKind).reduce((a, b) => a + b, 0);
        return `${total} in ${runs} runs: ${Object.entries(byKind)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`;
      };
      const wotcCandidate = burst[0].opportunityId;
      const [screening] = await hrlogics.screenings(wotcCandidate);
      await hrlogics.completeSurvey(screening.screeningId, 'pre_qualified');
      await until('the tag', async () => (await control.opportunity(wotcCandidate)).tags.length > 0);
      await control.hire(wotcCandidate);
      await client.workflow.getHandle(integrationProcessId('hrlogics', wotcCandidate)).result();
      await new Promise((r) => setTimeout(r, 3000));
      log(`   WOTC (apply -> survey -> pre-qualified tag -> hire): ${await costOf(wotcCandidate)}`);
      const [participant] = await willo.participants(opportunityId);
      await willo.finishVideo(participant.key);
      await until('To Review', async () => (await control.opportunity(opportunityId)).tags.includes(WILLO_TAGS.toReview));
      await willo.reviewVideo(participant.key, 'Accepted');
      await client.workflow.getHandle(integrationProcessId('willo', opportunityId)).result();
      await control.archive(opportunityId);
      await client.workflow.getHandle(integrationProcessId('hrlogics', opportunityId)).result();
      await new Promise((r) => setTimeout(r, 3000));
      log(
        `   WOTC + Willo (apply, a stage nobody uses, trigger stage -> invite -> response -> accepted, archived): ${await costOf(opportunityId)}`,
      );
    }

    if (phase(7)) await latencyDuringBackfill(client, config, control, apiUrl);
    if (phase(8)) await benchSettings(log, { config, client, apiUrl, worker: workers.settings });
    // Last: its open processes stay open until the server stops.
    if (phase(9)) await benchIssues(log, { config, client, run });

    workers.shutdown();
    await running;
    await connection.close();
    await sandbox.close();
    apiServer.close();
  } finally {
    await client.connection.close();
    await dev.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
