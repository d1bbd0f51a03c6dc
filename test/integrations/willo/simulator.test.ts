// The simulated Willo over real HTTP: keys, Idempotency-Key replays, the contract's own rule (one participant
// per interview and email), and the control calls that play the candidate and the reviewer sending signed
// callbacks to a stand-in relay.
import { Webhook } from 'standardwebhooks';
import { SANDBOX_PARTNER_API_KEY, sandboxCallbackSecret } from '../../../src/config/sandbox-defaults';
import { http } from '../../harness/http';
import { useSandboxWithReceiver } from '../../sandbox/receiver';

const t = useSandboxWithReceiver();

describe('sandbox: Willo', () => {
  const willo = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    http<Record<string, unknown>>(method, `${t.sandbox.baseUrl}/willo${path}`, body, {
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
    const control = `${t.sandbox.baseUrl}/_control/willo/participants/${body.key}`;
    expect((await http('POST', `${control}/respond`)).status).toBe(200);
    expect((await http('POST', `${control}/respond`)).status).toBe(409);
    expect((await http('POST', `${control}/review`, { stage: 'Accepted' })).status).toBe(200);
    const [responded, reviewed] = t.receiver.received.slice(-2);
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
