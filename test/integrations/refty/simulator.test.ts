// The simulated Refty over real HTTP: the contract's own rule (one candidate per externalId and sequence),
// Idempotency-Key per request, and the control calls that play the referee sending callbacks to a stand-in relay.
import { SANDBOX_PARTNER_API_KEY } from '../../../src/config/sandbox-defaults';
import { http } from '../../harness/http';
import { useSandboxWithReceiver } from '../../sandbox/receiver';

const t = useSandboxWithReceiver();

describe('sandbox: Refty', () => {
  const refty = (method: string, path: string, body?: unknown, key = 'x') =>
    http<Record<string, string>>(method, `${t.sandbox.baseUrl}/refty${path}`, body, {
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

    const done = await http<{ status: number }>('POST', `${t.sandbox.baseUrl}/_control/refty/step-requests/${r1.body.requestId}/complete`);
    expect(done.status).toBe(200);
    const last = t.receiver.received.at(-1)!;
    expect(last.path).toBe('/webhooks/refty');
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'request.completed',
      requestId: r1.body.requestId,
      externalId: 'opp-r1',
      stepId: 'step-1',
      reportUrl: expect.stringContaining('/refty/reports/'),
    });
    expect((await http('POST', `${t.sandbox.baseUrl}/_control/refty/step-requests/${r2.body.requestId}/decline`)).status).toBe(409);
  });
});
