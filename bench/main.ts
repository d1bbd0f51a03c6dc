// `npm run bench`: the DESIGN targets, measured on a real Temporal dev server (SQLite in WAL mode, as
// `npm start` runs it) and the sandbox over real HTTP. Prints its figures; asserts nothing.
//   1. ingress: webhook -> workflow start rate vs raw client.workflow.start on the same server
//   2. ack latency at half the ingress rate (p50/p99)
//   3. Lever: a burst of new applications vs the time the rate limit allows; 429s caused by us
//   4. cost: billable Temporal actions of one WOTC candidate, counted from its real history
// Sizes: BENCH_STARTS (default 600), BENCH_CONCURRENCY (64), BENCH_BURST (80).
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api';
import { planLeverEvent } from '../src/api/lever-routing';
import { loadConfig } from '../src/config';
import { startDevServer } from '../src/dev/dev-server';
import { findOrBuildTemporalCli } from '../src/dev/temporal-cli';
import { leverSignature } from '../src/lever/webhook';
import { createLogger } from '../src/logger';
import { SandboxControl } from '../src/sandbox/control-client';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../src/sandbox/defaults';
import { startSandbox } from '../src/sandbox/server';
import { dataConverter } from '../src/temporal';
import { createWorkers } from '../src/worker';
import { workflowIds } from '../src/workflow-ids';
import { billableActions } from './actions';
import { startApiProcess } from './api-process';
import { fmt, percentile, runAtRate, runConcurrently } from './load';

const STARTS = Number(process.env.BENCH_STARTS ?? 600);
// Enough concurrent requests to saturate the server, so both paths are measured at capacity.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const BURST = Number(process.env.BENCH_BURST ?? 80);
const log = (line: string) => console.log(line);

function signedApplication(opportunityId: string) {
  const token = randomBytes(24).toString('hex');
  const triggeredAt = Date.now();
  return JSON.stringify({
    event: 'applicationCreated',
    triggeredAt,
    token,
    signature: leverSignature(SANDBOX_LEVER_WEBHOOK_TOKENS.applicationCreated, token, triggeredAt),
    data: { opportunityId },
  });
}

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
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
    // Ingress runs against a queue no worker polls: we measure accepting work, not doing it. Only HRLogics
    // acts on applicationCreated here, so one webhook is one start, like one raw start.
    const idle = {
      ...config,
      refty: { ...config.refty, enabled: false },
      temporal: { ...config.temporal, taskQueue: `bench-idle-${run}` },
    };
    log(`\n1. Ingress throughput (${STARTS} starts each, ${CONCURRENCY} concurrent)`);
    // Raw starts are measured before and after the webhooks and averaged: SQLite slows as it fills, so
    // whichever ran second would otherwise look worse.
    const rawStartRate = async (round: string) => {
      const started = performance.now();
      await runConcurrently(STARTS, CONCURRENCY, async (i) => {
        const [start] = planLeverEvent({ event: 'applicationCreated', triggeredAt: Date.now(), data: { opportunityId: `raw-${round}-${run}-${i}` } }, idle).actions;
        if (start.kind !== 'start') throw new Error('expected a start');
        await client.workflow.start(start.workflowType, { taskQueue: start.taskQueue, workflowId: start.workflowId, args: start.args, typedSearchAttributes: start.searchAttributes });
      });
      return STARTS / ((performance.now() - started) / 1000);
    };
    const rawBefore = await rawStartRate('before');

    // The API runs as its own process (`npm run api`), as in production: its event loop is not shared with
    // the load generator's HTTP client.
    const api = await startApiProcess({
      TEMPORAL_ADDRESS: dev.address,
      RELAY_TASK_QUEUE: idle.temporal.taskQueue,
      REFTY_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    const url = api.url;
    const post = async (opportunityId: string) => {
      const res = await fetch(`${url}/webhooks/lever`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signedApplication(opportunityId) });
      if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    };
    const ingressStarted = performance.now();
    await runConcurrently(STARTS, CONCURRENCY, (i) => post(`hook-${run}-${i}`));
    const ingressRate = STARTS / ((performance.now() - ingressStarted) / 1000);
    const rawAfter = await rawStartRate('after');
    const rawRate = (rawBefore + rawAfter) / 2;
    log(`   raw client.workflow.start:   ${fmt(rawRate)} starts/s (${fmt(rawBefore)} before, ${fmt(rawAfter)} after the webhooks)`);
    log(`   webhook ingress (HTTP):      ${fmt(ingressRate)} starts/s = ${fmt((100 * ingressRate) / rawRate, 0)}% of raw (target >= 90%)`);

    const halfRate = ingressRate / 2;
    const ackCount = Math.max(50, Math.round(halfRate * 10));
    log(`\n2. Ack latency at half that rate (${fmt(halfRate)}/s, ${ackCount} webhooks)`);
    const latencies = await runAtRate(ackCount, halfRate, (i) => post(`ack-${run}-${i}`));
    log(`   p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(Math.max(...latencies))} ms (target p99 <= 50 ms)`);
    api.stop();

    log(`\n3. Lever rate limit: a burst of ${BURST} applications (limit ${config.lever.ratePerSecond} req/s)`);
    const { server: apiServer, url: apiUrl } = await listen(createApp({ config, client, logger: createLogger('api', 'silent') }));
    const sandbox = await startSandbox({ port: 0, relayUrl: apiUrl });
    config.lever.baseUrl = `${sandbox.baseUrl}/lever/v1`;
    config.hrlogics.baseUrl = `${sandbox.baseUrl}/hrlogics`;
    const connection = await NativeConnection.connect({ address: dev.address });
    const workers = await createWorkers({ config, connection });
    const running = workers.run();
    const control = new SandboxControl(sandbox.baseUrl);
    // Warm up: the first workflow task builds the bundle cache.
    const warm = await control.apply({ name: 'Warm Up', email: `warm-${run}@example.com` });
    await until('the warm-up screening', async () => (await control.screenings(warm.opportunityId)).length > 0);
    const before = (await control.leverRequests()).length;
    const burstStarted = Date.now();
    const applied = await runConcurrently(BURST, 8, (i) => control.apply({ name: `Burst ${i}`, email: `burst-${run}-${i}@example.com` }));
    await until('every screening', async () => {
      const counts = await Promise.all(applied.map(async ({ opportunityId }) => (await control.screenings(opportunityId)).length));
      return counts.every((c) => c > 0);
    });
    const burstMs = Date.now() - burstStarted;
    const burstRequests = (await control.leverRequests()).slice(before).filter((r) => r.at >= burstStarted);
    const allowedMs = (burstRequests.length / config.lever.ratePerSecond) * 1000;
    log(`   ${burstRequests.length} Lever requests; all ${BURST} screenings sent in ${fmt(burstMs / 1000, 2)} s; the limit allows ${fmt(allowedMs / 1000, 2)} s -> ${fmt(burstMs / allowedMs, 2)}x (target <= 1.1x)`);
    log(`   429 answers from Lever: ${burstRequests.filter((r) => r.status === 429).length} (target 0)`);

    log('\n4. Cost of one WOTC candidate (apply -> survey -> pre-qualified tag -> hire), from its history');
    const { opportunityId } = applied[0];
    const [screening] = await control.screenings(opportunityId);
    await control.completeSurvey(screening.screeningId, 'pre_qualified');
    await until('the tag', async () => (await control.opportunity(opportunityId)).tags.length > 0);
    await control.hire(opportunityId);
    const handle = client.workflow.getHandle(workflowIds.wotc(opportunityId));
    await handle.result();
    const actions = billableActions(await handle.fetchHistory());
    log(`   ${actions.total} billable actions: ${Object.entries(actions.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`);

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
