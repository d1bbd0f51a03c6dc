// The simulated Willo and Refty over real HTTP: keys, Idempotency-Key replays, the contract's own rules
// (one participant per interview and email, one Refty candidate per externalId and sequence), and the
// control calls that play the humans sending signed callbacks to a stand-in relay.
import { Webhook } from 'standardwebhooks';
import { SANDBOX_PARTNER_API_KEY, sandboxCallbackSecret } from '../../src/config/sandbox-defaults';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { http } from '../harness/http';
import { startReceiver, type Receiver } from './receiver';

let receiver: Receiver;
let sandbox: Sandbox;
beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startSandbox({ port: 0, relayUrl: receiver.url, webhookRetryDelaysMs: [] });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

describe('sandbox: Willo', () => {
  const willo = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    http<Record<string, unknown>>(method, `${sandbox.baseUrl}/willo${path}`, body, {
      authorization: `Key ${SANDBOX_PARTNER_API_KEY}`,
      ...headers,
    });
  const invite = {
    interview: 'int-engineering-screen',
    first_name: 'Wil',
    last_name: 'Lo',
    email: 'wil@example.com',
    external_id: 'opp-w1',
  };

  it('takes the key after any prefix, and refuses a wrong key', async () => {
    expect((await willo('GET', '/interviews/')).status).toBe(200);
    expect((await willo('GET', '/interviews/', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('invites once per interview and email, replays an Idempotency-Key, and forgets a withdrawn participant', async () => {
    const first = await willo('POST', '/participants/', invite, { 'idempotency-key': 'k1' });
    expect(first).toMatchObject({ status: 201, body: { interview: invite.interview, status: 'invited' } });
    expect((await willo('POST', '/participants/', invite, { 'idempotency-key': 'k1' })).body).toEqual(first.body);
    expect((await willo('POST', '/participants/', invite, { 'idempotency-key': 'k2' })).status).toBe(400);
    const found = await willo('GET', `/participants/?interview=${invite.interview}&email=WIL@example.com`);
    expect(found.body).toEqual([expect.objectContaining({ key: first.body.key })]);
    expect((await willo('DELETE', `/participants/${first.body.key}/`)).status).toBe(204);
    expect((await willo('GET', `/participants/${first.body.key}/`)).status).toBe(404);
    expect((await willo('POST', '/participants/', { ...invite, interview: 'int-nope' }, { 'idempotency-key': 'k3' })).status).toBe(400);
  });

  it('plays the candidate and the reviewer with signed callbacks as the contract has them: participant and interview, no external_id', async () => {
    const { body } = await willo('POST', '/participants/', { ...invite, email: 'cb@example.com' }, { 'idempotency-key': 'k4' });
    const control = `${sandbox.baseUrl}/_control/willo/participants/${body.key}`;
    expect((await http('POST', `${control}/respond`)).status).toBe(200);
    expect((await http('POST', `${control}/respond`)).status).toBe(409);
    expect((await http('POST', `${control}/review`, { stage: 'Accepted' })).status).toBe(200);
    const [responded, reviewed] = receiver.received.slice(-2);
    const webhook = new Webhook(sandboxCallbackSecret('willo'));
    const sent = webhook.verify(responded.body, responded.headers as Record<string, string>) as Record<string, unknown>;
    expect(sent).toMatchObject({ type: 'new_response', participant: body.key, interview: invite.interview });
    expect(sent).not.toHaveProperty('external_id');
    const review = JSON.parse(reviewed.body) as Record<string, unknown>;
    expect(review).toMatchObject({ type: 'stage_change', participant: body.key, interview: invite.interview, stage: 'Accepted' });
    expect(review).not.toHaveProperty('external_id');
    expect(responded.path).toBe('/webhooks/willo');
  });
});

describe('sandbox: Refty', () => {
  const refty = (method: string, path: string, body?: unknown, key = 'x') =>
    http<Record<string, string>>(method, `${sandbox.baseUrl}/refty${path}`, body, {
      authorization: `Bearer ${SANDBOX_PARTNER_API_KEY}`,
      'idempotency-key': key,
    });
  const candidate = {
    externalId: 'opp-r1',
    sequenceId: 'seq-1',
    language: 'en',
    firstName: 'Ref',
    lastName: 'Ty',
    email: 'ref@example.com',
  };

  it('one candidate per externalId and sequence; requests, cancel, and the referee answering', async () => {
    const a = await refty('POST', '/v1/candidates', candidate, 'j1');
    const b = await refty('POST', '/v1/candidates', candidate, 'j2');
    expect(a.status).toBe(201);
    expect(b.body.candidateId).toBe(a.body.candidateId);
    const r1 = await refty('POST', `/v1/candidates/${a.body.candidateId}/steps/step-1/requests`, undefined, 'r1');
    const r2 = await refty('POST', `/v1/candidates/${a.body.candidateId}/steps/step-1/requests`, undefined, 'r2');
    expect(r1).toMatchObject({ status: 201, body: { status: 'sent' } });
    expect(r2.body.requestId).not.toBe(r1.body.requestId);
    expect((await refty('POST', '/v1/candidates/nope/steps/step-1/requests', undefined, 'r3')).status).toBe(404);
    expect((await refty('DELETE', `/v1/requests/${r2.body.requestId}`)).status).toBe(204);

    const done = await http<{ status: number }>('POST', `${sandbox.baseUrl}/_control/refty/step-requests/${r1.body.requestId}/complete`);
    expect(done.status).toBe(200);
    const last = receiver.received.at(-1)!;
    expect(last.path).toBe('/webhooks/refty');
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'request.completed',
      requestId: r1.body.requestId,
      externalId: 'opp-r1',
      stepId: 'step-1',
      reportUrl: expect.stringContaining('/refty/reports/'),
    });
    expect((await http('POST', `${sandbox.baseUrl}/_control/refty/step-requests/${r2.body.requestId}/decline`)).status).toBe(409);
  });
});
