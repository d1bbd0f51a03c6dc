// The simulated HRLogics over real HTTP: bearer auth, Idempotency-Key replays, the screening lifecycle,
// and Standard Webhooks callbacks to a stand-in relay (signature, retries, redelivery).
import { Webhook } from 'standardwebhooks';
import { SANDBOX_PARTNER_API_KEY, sandboxCallbackSecret } from '../../../src/config/sandbox-defaults';
import { startSandbox, type Sandbox } from '../../../src/assembly/sandbox';
import { http, waitFor } from '../../harness/http';
import { startReceiver, type Receiver } from '../../sandbox/receiver';

interface Screening {
  screeningId: string;
  surveyUrl: string;
  status: string;
}
interface ScreeningState extends Screening {
  externalId: string;
  reminders: number;
  hire: unknown;
  idempotencyKeys: string[];
}
interface CallbackAnswer {
  callbackId: string;
  status: number;
}

describe('sandbox: HRLogics', () => {
  let receiver: Receiver;
  let sandbox: Sandbox;
  let api: string;
  let control: string;
  const auth = { authorization: `Bearer ${SANDBOX_PARTNER_API_KEY}` };
  const applicant = { firstName: 'Hana', lastName: 'Screened', email: 'hana@example.com' };
  let n = 0;
  const externalId = () => `opp-${Date.now()}-${(n += 1)}`;
  const create = async (key = `create-${externalId()}`, id = externalId()) =>
    http<Screening>('POST', `${api}/v1/screenings`, { externalId: id, applicant }, { ...auth, 'idempotency-key': key });
  const state = async (screeningId: string) => (await http<ScreeningState>('GET', `${control}/screenings/${screeningId}`)).body;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ port: 0, relayUrl: receiver.url, webhookRetryDelaysMs: [20, 20, 20] });
    api = `${sandbox.baseUrl}/hrlogics`;
    control = `${sandbox.baseUrl}/_control/hrlogics`;
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  beforeEach(() => receiver.reset());

  it('requires the bearer key', async () => {
    const refused: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Basic ${SANDBOX_PARTNER_API_KEY}` },
    ];
    for (const headers of refused) {
      const res = await http<{ error: string }>('POST', `${api}/v1/screenings`, { externalId: 'x', applicant }, headers);
      expect([res.status, res.body.error]).toEqual([401, 'unauthorized']);
    }
  });

  it('answers a repeated Idempotency-Key with the first answer, even when both arrive at once', async () => {
    const id = externalId();
    const first = await create('same-key', id);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      screeningId: expect.stringMatching(/^scr_/),
      surveyUrl: expect.stringContaining(first.body.screeningId),
      status: 'sent',
    });
    const again = await create('same-key', id);
    expect(again).toEqual(first);

    const [a, b] = await Promise.all([create('concurrent-key', id), create('concurrent-key', id)]);
    expect(a.body.screeningId).toBe(b.body.screeningId);
    const listed = await http<ScreeningState[]>('GET', `${control}/screenings?externalId=${id}`);
    expect(listed.body.map((s) => s.idempotencyKeys)).toEqual([['same-key'], ['concurrent-key']]);
    expect(sandbox.state.partners.hrlogics.requests.entries.filter((e) => e.path === '/v1/screenings').length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a screening without externalId or applicant email, naming the fields', async () => {
    const res = await http<{ error: string; fields: { field: string }[] }>(
      'POST',
      `${api}/v1/screenings`,
      { applicant: { firstName: 'A', lastName: 'B' } },
      auth,
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.fields.map((f) => f.field).sort()).toEqual(['applicant.email', 'externalId']);
  });

  it('counts reminders, records a hire, and cancels', async () => {
    const { screeningId } = (await create()).body;
    expect(
      (await http('POST', `${api}/v1/screenings/${screeningId}/reminders`, undefined, { ...auth, 'idempotency-key': 'r1' })).status,
    ).toBe(202);
    expect(
      (await http('POST', `${api}/v1/screenings/${screeningId}/reminders`, undefined, { ...auth, 'idempotency-key': 'r1' })).status,
    ).toBe(202);
    expect((await http('POST', `${api}/v1/screenings/${screeningId}/reminders`, undefined, auth)).status).toBe(202);
    expect((await state(screeningId)).reminders).toBe(2);

    expect((await http('POST', `${api}/v1/screenings/${screeningId}/hire`, { startDate: '2025-02-30' }, auth)).status).toBe(400);
    expect(
      (await http('POST', `${api}/v1/screenings/${screeningId}/hire`, { startDate: '2025-03-03', workState: 'OH' }, auth)).status,
    ).toBe(202);
    expect((await state(screeningId)).hire).toEqual({ startDate: '2025-03-03', workState: 'OH' });

    expect((await http('DELETE', `${api}/v1/screenings/${screeningId}`, undefined, auth)).status).toBe(204);
    expect((await state(screeningId)).status).toBe('cancelled');
    expect((await http('POST', `${api}/v1/screenings/${screeningId}/reminders`, undefined, auth)).status).toBe(409);
    expect((await http('POST', `${api}/v1/screenings/scr_nope/reminders`, undefined, auth)).status).toBe(404);
    expect((await http('DELETE', `${api}/v1/screenings/scr_nope`, undefined, auth)).status).toBe(404);
  });

  it('sends screening.completed signed per Standard Webhooks', async () => {
    const { screeningId } = (await create()).body;
    const answer = await http<CallbackAnswer>('POST', `${control}/screenings/${screeningId}/complete`, {
      result: 'pre_qualified',
      targetGroups: ['snap'],
    });
    expect(answer.body).toEqual(expect.objectContaining({ callbackId: expect.stringMatching(/^msg_/), status: 200 }));

    const [callback] = receiver.on('/webhooks/hrlogics');
    expect(callback.headers['webhook-id']).toBe(answer.body.callbackId);
    const verified = new Webhook(sandboxCallbackSecret('hrlogics')).verify(callback.body, callback.headers as Record<string, string>);
    const { externalId: expectedExternalId } = await state(screeningId);
    expect(verified).toEqual({
      type: 'screening.completed',
      screeningId,
      externalId: expectedExternalId,
      result: 'pre_qualified',
      targetGroups: ['snap'],
    });
    expect(() => new Webhook(sandboxCallbackSecret('willo')).verify(callback.body, callback.headers as Record<string, string>)).toThrow();
    expect((await state(screeningId)).status).toBe('completed');
    expect((await http('POST', `${control}/screenings/${screeningId}/complete`, { result: 'not_qualified' })).status).toBe(409);
  });

  it('retries a callback after a 503 or a 404 (the relay not knowing the process yet) with the same webhook-id, but not after a 400', async () => {
    const { screeningId } = (await create()).body;
    receiver.plan(503, 404);
    const answer = await http<CallbackAnswer>('POST', `${control}/screenings/${screeningId}/expire`);
    expect(answer.body.status).toBe(503);
    const delivered = await waitFor(async () => receiver.on('/webhooks/hrlogics').length >= 3 && receiver.on('/webhooks/hrlogics'), {
      timeoutMs: 3_000,
      intervalMs: 10,
    });
    expect(delivered.map((r) => r.headers['webhook-id'])).toEqual([answer.body.callbackId, answer.body.callbackId, answer.body.callbackId]);
    expect(JSON.parse(delivered[2].body)).toEqual(expect.objectContaining({ type: 'screening.expired', screeningId }));

    receiver.reset();
    const other = (await create()).body;
    receiver.plan(400);
    expect((await http<CallbackAnswer>('POST', `${control}/screenings/${other.screeningId}/expire`)).body.status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.on('/webhooks/hrlogics')).toHaveLength(1);
  });

  it('redelivers the exact same signed callback concurrently', async () => {
    const { screeningId } = (await create()).body;
    const { callbackId } = (
      await http<CallbackAnswer>('POST', `${control}/screenings/${screeningId}/complete`, { result: 'not_qualified' })
    ).body;
    receiver.reset();
    const rerun = await http<{ statuses: number[] }>('POST', `${control}/callbacks/${callbackId}/redeliver`, { times: 2 });
    expect(rerun.body.statuses).toEqual([200, 200]);
    const [a, b] = receiver.on('/webhooks/hrlogics');
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) expect(a.headers[header]).toBe(b.headers[header]);
    expect(a.body).toBe(b.body);
  });
});
