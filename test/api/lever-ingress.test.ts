// Ingress against a real Temporal server, no worker: every bad-input class gets its status and starts
// nothing; a valid delivery starts exactly one process however often it arrives.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createApp } from '../../src/api';
import type { Config } from '../../src/config';
import { leverSignature } from '../../src/lever/webhook';
import { createLogger } from '../../src/logger';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../../src/sandbox/defaults';
import { workflowIds } from '../../src/workflow-ids';
import { http, listen } from '../harness/http';
import { testClient, testConfig } from '../harness/temporal';

let config: Config;
let client: Client;
let server: Server;
let url: string;

beforeAll(async () => {
  // Refty also starts on applicationCreated, and the interview platform starts a report-back on every hire:
  // both off here, so each delivery asks for exactly the WOTC start or signal these tests count.
  config = testConfig({ API_BODY_LIMIT: '4kb', REFTY_ENABLED: 'false', TECH_INTERVIEW_ENABLED: 'false' });
  client = await testClient(config);
  ({ server, url } = await listen(createApp({ config, client, logger: createLogger('api', 'silent') })));
});

afterAll(async () => {
  server.close();
  await client.connection.close();
});

function signed(event: string, data: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const token = randomBytes(24).toString('hex');
  const triggeredAt = Date.now();
  const key = SANDBOX_LEVER_WEBHOOK_TOKENS[event as keyof typeof SANDBOX_LEVER_WEBHOOK_TOKENS] ?? 'x';
  return { event, triggeredAt, token, signature: leverSignature(key, token, triggeredAt), data, ...overrides };
}

async function started(opportunityId: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowIds.wotc(opportunityId)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

const post = (body: unknown, headers: Record<string, string> = {}) => http('POST', `${url}/webhooks/lever`, body, headers);

describe('POST /webhooks/lever', () => {
  it('starts one WOTC process for applicationCreated and reports later copies as duplicates', async () => {
    const opportunityId = randomUUID();
    const delivery = signed('applicationCreated', { opportunityId });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(delivery)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 202]);
    expect(answers.filter((a) => (a.body as { status: string }).status === 'duplicate')).toHaveLength(4);
    const description = await client.workflow.getHandle(workflowIds.wotc(opportunityId)).describe();
    expect(description.type).toBe('wotcScreening');
    expect(description.searchAttributes.LeverOpportunityId).toEqual([opportunityId]);
    // A later delivery with a fresh token (Lever's "Rerun") is a duplicate too.
    const rerun = await post(signed('applicationCreated', { opportunityId }));
    expect(rerun).toMatchObject({ status: 200, body: { status: 'duplicate', results: [{ workflowId: workflowIds.wotc(opportunityId) }] } });
  });

  type Case = [name: string, send: (opportunityId: string) => Promise<{ status: number; body: unknown }>, status: number, error: RegExp, fields?: string[]];
  // jest-each passes `done` when a row is shorter than the test's parameter list: pad every row.
  const rows = (list: Case[]) => list.map(([name, send, status, error, fields]) => ({ name, send, status, error, fields }));
  const cases: Case[] = [
    ['not JSON content type', (id) => post(JSON.stringify(signed('applicationCreated', { opportunityId: id })), { 'content-type': 'text/plain' }), 415, /application\/json/],
    ['malformed JSON', () => post('{"event":', { 'content-type': 'application/json' }), 400, /not valid JSON/],
    ['missing fields', () => post({ event: 'applicationCreated', data: {} }), 400, /invalid Lever webhook/, ['triggeredAt', 'token']],
    ['unknown event name', (id) => post(signed('candidateExploded', { opportunityId: id })), 400, /invalid Lever webhook/, ['event']],
    ['triggeredAt in seconds as a string', (id) => post(signed('applicationCreated', { opportunityId: id }, { triggeredAt: '1431454330' })), 400, /invalid/, ['triggeredAt']],
    ['missing signature', (id) => post(signed('applicationCreated', { opportunityId: id }, { signature: undefined })), 401, /signature is missing/],
    ['wrong signature', (id) => post(signed('applicationCreated', { opportunityId: id }, { signature: 'a'.repeat(64) })), 401, /does not match/],
    ['signature made with another event\'s token', (id) => {
      const body = signed('applicationCreated', { opportunityId: id });
      return post({ ...body, signature: leverSignature(SANDBOX_LEVER_WEBHOOK_TOKENS.candidateHired, body.token, body.triggeredAt) });
    }, 401, /does not match/],
    ['stale triggeredAt', (id) => {
      const token = randomBytes(24).toString('hex');
      const triggeredAt = Date.now() - 20 * 86_400_000;
      return post({ event: 'applicationCreated', token, triggeredAt, signature: leverSignature(SANDBOX_LEVER_WEBHOOK_TOKENS.applicationCreated, token, triggeredAt), data: { opportunityId: id } });
    }, 401, /too old/],
    ['signed but data without opportunityId', () => post(signed('applicationCreated', { applicationId: 'a' })), 400, /invalid data/, ['data.opportunityId']],
    ['signed but opportunityId not a string', () => post(signed('applicationCreated', { opportunityId: 42 })), 400, /invalid data/, ['data.opportunityId']],
    ['huge body', (id) => post(signed('applicationCreated', { opportunityId: id, padding: 'x'.repeat(10_000) })), 413, /larger than 4kb/],
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

  it('refuses a token replayed with different data', async () => {
    const first = signed('applicationCreated', { opportunityId: randomUUID() });
    expect((await post(first)).status).toBe(202);
    const victim = randomUUID();
    const replay = await post({ ...first, data: { opportunityId: victim } });
    expect(replay.status).toBe(409);
    expect(await started(victim)).toBe(false);
  });

  it('answers the settings-page test delivery and unused events with 200 and does nothing', async () => {
    expect(await post(signed('candidateHired', {}))).toMatchObject({ status: 200, body: { status: 'ignored' } });
    expect(await post(signed('interviewCreated', { opportunityId: 'x', interviewId: 'i' }))).toMatchObject({ status: 200, body: { status: 'ignored' } });
    const opportunityId = randomUUID();
    expect(await post(signed('candidateHired', { opportunityId }))).toMatchObject({ status: 200, body: { status: 'ignored', reason: 'no open process for this opportunity' } });
  });

  it('answers 503 when Temporal is unreachable, and starts nothing', async () => {
    const offline = testConfig();
    const unreachable = await testClient(offline);
    // Point a second app at a port where nothing listens.
    const { Client, Connection } = await import('@temporalio/client');
    const dead = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '1s' }), dataConverter: unreachable.options.dataConverter });
    const { server: deadServer, url: deadUrl } = await listen(createApp({ config: offline, client: dead, logger: createLogger('api', 'silent') }));
    try {
      const opportunityId = randomUUID();
      const answer = await http('POST', `${deadUrl}/webhooks/lever`, signed('applicationCreated', { opportunityId }));
      expect(answer.status).toBe(503);
      expect(await started(opportunityId)).toBe(false);
    } finally {
      deadServer.close();
      await unreachable.connection.close();
    }
  }, 30_000);
});
