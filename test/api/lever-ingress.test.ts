// Ingress against a real Temporal server, no worker: every bad-input class gets its status and starts
// nothing; a valid delivery is exactly one Temporal call (a trigger of the opportunity's process), with
// every integration on, however often it arrives.
import { WorkflowNotFoundError, type WorkflowClientInterceptor } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { leverSignature } from '../../src/lever/webhook';
import { createLogger } from '../../src/logger';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../../src/config/sandbox-defaults';
import { workflowIds } from '../../src/temporal/workflow-ids';
import { serveApp, useTestApi } from '../harness/api';
import { http } from '../harness/http';
import { testClient, testConfig } from '../harness/temporal';

/** Every Temporal call the API makes, by kind, counted by a client interceptor. */
const calls: string[] = [];

const counting: WorkflowClientInterceptor = {
  start: (input, next) => (calls.push('start'), next(input)),
  signal: (input, next) => (calls.push('signal'), next(input)),
  signalWithStart: (input, next) => (calls.push('signalWithStart'), next(input)),
};

// Every integration on (sandbox mode): still one call per webhook.
const api = useTestApi({ env: { API_BODY_LIMIT: '4kb' }, interceptors: { workflow: [counting] } });

function signed(event: string, data: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const token = randomBytes(24).toString('hex');
  const triggeredAt = Date.now();
  const key = SANDBOX_LEVER_WEBHOOK_TOKENS[event as keyof typeof SANDBOX_LEVER_WEBHOOK_TOKENS] ?? 'x';
  return { event, triggeredAt, token, signature: leverSignature(key, token, triggeredAt), data, ...overrides };
}

async function started(opportunityId: string): Promise<boolean> {
  try {
    await api.client.workflow.getHandle(workflowIds.opportunity(opportunityId)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

const post = (body: unknown, headers: Record<string, string> = {}) => http('POST', `${api.url}/webhooks/lever`, body, headers);

describe('POST /webhooks/lever', () => {
  it('each delivery is one Temporal call: a trigger of the opportunity process, five copies one process', async () => {
    const opportunityId = randomUUID();
    const delivery = signed('applicationCreated', { opportunityId });
    calls.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(delivery)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(calls).toEqual(['signalWithStart', 'signalWithStart', 'signalWithStart', 'signalWithStart', 'signalWithStart']);
    const handle = api.client.workflow.getHandle(workflowIds.opportunity(opportunityId));
    const description = await handle.describe();
    expect(description.type).toBe('opportunityProcess');
    expect(description.searchAttributes.LeverOpportunityId).toEqual([opportunityId]);
    expect(description.searchAttributes.RelayIntegration).toEqual(['opportunity']);
    // No worker here: one run holds all five triggers, each signed with the delivery's triggeredAt.
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((e) => e.workflowExecutionStartedEventAttributes)).toHaveLength(1);
    expect(events.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'trigger')).toHaveLength(5);
    expect(new Set(answers.map((a) => (a.body as { runId: string }).runId)).size).toBe(1);
    // A stage change for the same opportunity: one more call, to the same process.
    calls.length = 0;
    const moved = await post(signed('candidateStageChange', { opportunityId, toStageId: 'phone-screen', fromStageId: 'applicant-new' }));
    expect(moved).toMatchObject({ status: 202, body: { status: 'triggered', workflowId: workflowIds.opportunity(opportunityId) } });
    expect(calls).toEqual(['signalWithStart']);
  });

  type Case = [
    name: string,
    send: (opportunityId: string) => Promise<{ status: number; body: unknown }>,
    status: number,
    error: RegExp,
    fields?: string[],
  ];
  // jest-each passes `done` when a row is shorter than the test's parameter list: pad every row.
  const rows = (list: Case[]) => list.map(([name, send, status, error, fields]) => ({ name, send, status, error, fields }));
  const cases: Case[] = [
    [
      'not JSON content type',
      (id) => post(JSON.stringify(signed('applicationCreated', { opportunityId: id })), { 'content-type': 'text/plain' }),
      415,
      /application\/json/,
    ],
    ['malformed JSON', () => post('{"event":', { 'content-type': 'application/json' }), 400, /not valid JSON/],
    ['missing fields', () => post({ event: 'applicationCreated', data: {} }), 400, /invalid Lever webhook/, ['triggeredAt', 'token']],
    ['unknown event name', (id) => post(signed('candidateExploded', { opportunityId: id })), 400, /invalid Lever webhook/, ['event']],
    [
      'triggeredAt in seconds as a string',
      (id) => post(signed('applicationCreated', { opportunityId: id }, { triggeredAt: '1431454330' })),
      400,
      /invalid/,
      ['triggeredAt'],
    ],
    [
      'missing signature',
      (id) => post(signed('applicationCreated', { opportunityId: id }, { signature: undefined })),
      401,
      /signature is missing/,
    ],
    [
      'wrong signature',
      (id) => post(signed('applicationCreated', { opportunityId: id }, { signature: 'a'.repeat(64) })),
      401,
      /does not match/,
    ],
    [
      "signature made with another event's token",
      (id) => {
        const body = signed('applicationCreated', { opportunityId: id });
        return post({ ...body, signature: leverSignature(SANDBOX_LEVER_WEBHOOK_TOKENS.candidateHired, body.token, body.triggeredAt) });
      },
      401,
      /does not match/,
    ],
    [
      'stale triggeredAt',
      (id) => {
        const token = randomBytes(24).toString('hex');
        const triggeredAt = Date.now() - 20 * 86_400_000;
        return post({
          event: 'applicationCreated',
          token,
          triggeredAt,
          signature: leverSignature(SANDBOX_LEVER_WEBHOOK_TOKENS.applicationCreated, token, triggeredAt),
          data: { opportunityId: id },
        });
      },
      401,
      /too old/,
    ],
    [
      'signed but data without opportunityId',
      () => post(signed('applicationCreated', { applicationId: 'a' })),
      400,
      /invalid data/,
      ['data.opportunityId'],
    ],
    [
      'signed but opportunityId not a string',
      () => post(signed('applicationCreated', { opportunityId: 42 })),
      400,
      /invalid data/,
      ['data.opportunityId'],
    ],
    ['huge body', (id) => post(signed('applicationCreated', { opportunityId: id, padding: 'x'.repeat(10_000) })), 413, /larger than 4kb/],
    [
      'data nested 1,500 levels deep',
      (id) =>
        post(
          JSON.stringify(signed('applicationCreated', { opportunityId: id })).replace(
            '"data":{',
            `"data":{"deep":${'['.repeat(1_500)}${']'.repeat(1_500)},`,
          ),
        ),
      400,
      /nested deeper than 32 levels/,
    ],
    // Ids Temporal or Lever could not hold: a 400 naming the field, never a 503 that Lever would retry.
    [
      'opportunityId with a NUL character',
      (id) => post(signed('applicationCreated', { opportunityId: `${id}\u0000` })),
      400,
      /invalid data/,
      ['data.opportunityId'],
    ],
    [
      'opportunityId with a lone surrogate',
      (id) => post(signed('applicationCreated', { opportunityId: `${id}\ud800` })),
      400,
      /invalid data/,
      ['data.opportunityId'],
    ],
    [
      'opportunityId of 300 characters',
      () => post(signed('applicationCreated', { opportunityId: 'o'.repeat(300) })),
      400,
      /invalid data/,
      ['data.opportunityId'],
    ],
  ];

  it.each(rows(cases))('$name -> $status, nothing started', async ({ send, status, error, fields }) => {
    const opportunityId = randomUUID();
    const answer = await send(opportunityId);
    expect(answer.status).toBe(status);
    const body = answer.body as { error: string; fields?: { field: string }[] };
    expect(body.error).toMatch(error);
    if (fields) expect(body.fields?.map((f) => f.field)).toEqual(expect.arrayContaining(fields));
    expect(await started(opportunityId)).toBe(false);
  });

  it('takes the same delivery compressed, with a query string or a trailing slash (through express), and refuses its huge body the same way', async () => {
    const send = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const json = (id: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify(signed('applicationCreated', { opportunityId: id, ...extra }));
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    expect((await send('/webhooks/lever', gzipSync(json(ids[0])), { 'content-encoding': 'gzip' })).status).toBe(202);
    expect((await send('/webhooks/lever?from=lever', json(ids[1]))).status).toBe(202);
    expect((await send('/webhooks/lever/', json(ids[2]))).status).toBe(202);
    for (const id of ids) expect(await started(id)).toBe(true);
    const huge = await send('/webhooks/lever?from=lever', json(randomUUID(), { padding: 'x'.repeat(10_000) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/larger than 4kb/);
  });

  it('refuses a token replayed with different data', async () => {
    const first = signed('applicationCreated', { opportunityId: randomUUID() });
    expect((await post(first)).status).toBe(202);
    const victim = randomUUID();
    const replay = await post({ ...first, data: { opportunityId: victim } });
    expect(replay.status).toBe(409);
    expect(await started(victim)).toBe(false);
  });

  it('answers the settings-page test delivery and unused events with 200 and does nothing', async () => {
    calls.length = 0;
    expect(await post(signed('candidateHired', {}))).toMatchObject({ status: 200, body: { status: 'ignored' } });
    expect(await post(signed('interviewCreated', { opportunityId: 'x', interviewId: 'i' }))).toMatchObject({
      status: 200,
      body: { status: 'ignored' },
    });
    expect(calls).toEqual([]);
  });

  it('ignores Lever webhooks (200, no Temporal call) when no integration that opportunities drive is on', async () => {
    const off = testConfig({ HRLOGICS_ENABLED: 'false', WILLO_ENABLED: 'false', REFTY_ENABLED: 'false', TECH_INTERVIEW_ENABLED: 'false' });
    const { url: offUrl, close } = await serveApp({ config: off, client: api.client, logger: createLogger('api', 'silent') });
    try {
      calls.length = 0;
      const opportunityId = randomUUID();
      const answer = await http('POST', `${offUrl}/webhooks/lever`, signed('applicationCreated', { opportunityId }));
      expect(answer).toMatchObject({ status: 200, body: { status: 'ignored' } });
      expect(calls).toEqual([]);
      expect(await started(opportunityId)).toBe(false);
    } finally {
      await close();
    }
  });

  it('answers 503 when Temporal is unreachable, and starts nothing', async () => {
    const offline = testConfig();
    const unreachable = await testClient(offline);
    // Point a second app at a port where nothing listens.
    const { Client, Connection } = await import('@temporalio/client');
    const dead = new Client({
      // No retry interceptor: a retry timer left pending at the call's deadline would call the connection after it is closed.
      connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '1s', interceptors: [] }),
      dataConverter: unreachable.options.dataConverter,
    });
    const { url: deadUrl, close } = await serveApp({ config: offline, client: dead, logger: createLogger('api', 'silent') });
    try {
      const opportunityId = randomUUID();
      const answer = await http('POST', `${deadUrl}/webhooks/lever`, signed('applicationCreated', { opportunityId }));
      expect(answer.status).toBe(503);
      expect(await started(opportunityId)).toBe(false);
    } finally {
      await close();
      await dead.connection.close();
      await unreachable.connection.close();
    }
  }, 30_000);
});
