// Lever webhooks sent by the sandbox's control API to a stand-in relay: Lever's envelope and signature,
// one event per human step (two for a hire), retries after a failing receiver, reruns and forgeries.
import { leverEventData, leverWebhookEnvelope, verifyLeverSignature, type LeverWebhookEnvelope } from '../../src/lever/webhook';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../../src/config/sandbox-defaults';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { startSandbox, type Sandbox } from '../../src/assembly/sandbox';
import { http, waitFor } from '../harness/http';
import { startReceiver, type Receiver } from './receiver';

interface ControlAnswer {
  opportunityId: string;
  deliveryIds: string[];
}
interface Delivery {
  deliveryId: string;
  event: string;
  body: string;
  delivered: boolean;
  attempts: { status?: number; error?: string; rerun?: boolean }[];
}

describe('sandbox: Lever webhooks', () => {
  let receiver: Receiver;
  let sandbox: Sandbox;
  let control: string;
  const envelopes = () => receiver.on('/webhooks/lever').map((r) => leverWebhookEnvelope.parse(JSON.parse(r.body)));
  const eventsFor = async (opportunityId: string, count: number): Promise<LeverWebhookEnvelope[]> =>
    waitFor(
      async () => {
        const found = envelopes().filter((e) => e.data.opportunityId === opportunityId);
        return found.length >= count && found;
      },
      { timeoutMs: 3_000, intervalMs: 10, what: `${count} webhooks for ${opportunityId}` },
    );
  const apply = async (body: Record<string, unknown> = {}) => {
    const res = await http<ControlAnswer>('POST', `${control}/applications`, {
      name: 'Wendy Webhook',
      email: `wendy-${Date.now()}@example.com`,
      postingId: SEED_POSTING_IDS.warehouseAssociate,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ port: 0, relayUrl: receiver.url, webhookRetryDelaysMs: [20, 20, 20, 20, 20] });
    control = `${sandbox.baseUrl}/_control/lever`;
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  beforeEach(() => receiver.reset());

  it('sends applicationCreated as Lever does, with a signature that verifies against the event token', async () => {
    const { opportunityId, deliveryIds } = await apply();
    const [envelope] = await eventsFor(opportunityId, 1);
    const [request] = receiver.on('/webhooks/lever');
    expect(request.headers['user-agent']).toBe('Lever-Webhooks');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(envelope.event).toBe('applicationCreated');
    expect(envelope.token).toMatch(/^[0-9a-f]{48}$/);
    expect(Math.abs(Date.now() - envelope.triggeredAt)).toBeLessThan(5_000);
    expect(verifyLeverSignature(envelope, [SANDBOX_LEVER_WEBHOOK_TOKENS.applicationCreated])).toBe(true);
    expect(verifyLeverSignature(envelope, [SANDBOX_LEVER_WEBHOOK_TOKENS.candidateHired])).toBe(false);
    expect(leverEventData.applicationCreated.parse(envelope.data)).toEqual(
      expect.objectContaining({ opportunityId, postingId: SEED_POSTING_IDS.warehouseAssociate }),
    );
    expect(envelope.data).toEqual(
      expect.objectContaining({ candidateId: opportunityId, contactId: expect.any(String), applicationId: expect.any(String) }),
    );

    const opportunity = await http<{ stage: string; origin: string; applications: { posting: string }[]; notes: unknown[] }>(
      'GET',
      `${control}/opportunities/${opportunityId}`,
    );
    expect(opportunity.body).toEqual(expect.objectContaining({ stage: 'applicant-new', origin: 'applied', notes: [] }));
    expect(opportunity.body.applications[0].posting).toBe(SEED_POSTING_IDS.warehouseAssociate);
    const deliveries = await http<Delivery[]>('GET', `${control}/deliveries?opportunityId=${opportunityId}`);
    expect(deliveries.body.map((d) => d.deliveryId)).toEqual(deliveryIds);
  });

  it('sends candidateStageChange with from and to stage ids', async () => {
    const { opportunityId } = await apply();
    const moved = await http<ControlAnswer>('POST', `${control}/opportunities/${opportunityId}/stage`, { stageId: 'phone-screen' });
    expect(moved.body.deliveryIds).toHaveLength(1);
    const events = await eventsFor(opportunityId, 2);
    const change = events.find((e) => e.event === 'candidateStageChange')!;
    expect(change.data).toEqual(
      expect.objectContaining({ fromStageId: 'applicant-new', toStageId: 'phone-screen', candidateId: opportunityId }),
    );
    expect(verifyLeverSignature(change, [SANDBOX_LEVER_WEBHOOK_TOKENS.candidateStageChange])).toBe(true);
    expect((await http('POST', `${control}/opportunities/${opportunityId}/stage`, { stageId: 'nowhere' })).status).toBe(400);
  });

  it('hires by archiving with the hired reason: candidateHired and candidateArchiveChange', async () => {
    const { opportunityId } = await apply();
    const hired = await http<ControlAnswer>('POST', `${control}/opportunities/${opportunityId}/hire`);
    expect(hired.body.deliveryIds).toHaveLength(2);
    const events = await eventsFor(opportunityId, 3);
    expect(events.map((e) => e.event).sort()).toEqual(['applicationCreated', 'candidateArchiveChange', 'candidateHired']);
    const archive = events.find((e) => e.event === 'candidateArchiveChange')!;
    expect(archive.data).toEqual({
      opportunityId,
      candidateId: opportunityId,
      fromArchived: null,
      toArchived: { reason: 'reason-hired', archivedAt: expect.any(Number) },
    });
    const opportunity = await http<{ archived: { reason: string } }>('GET', `${control}/opportunities/${opportunityId}`);
    expect(opportunity.body.archived.reason).toBe('reason-hired');
  });

  it('archives (default reason not-fit) and deletes, then the opportunity is gone', async () => {
    const { opportunityId } = await apply();
    await http('POST', `${control}/opportunities/${opportunityId}/archive`, {});
    expect((await http('POST', `${control}/opportunities/${opportunityId}/archive`, { reason: 'reason-nope' })).status).toBe(400);
    await http('DELETE', `${control}/opportunities/${opportunityId}`);
    const events = await eventsFor(opportunityId, 3);
    expect(events.find((e) => e.event === 'candidateArchiveChange')!.data.toArchived).toEqual(
      expect.objectContaining({ reason: 'reason-not-fit' }),
    );
    expect(events.find((e) => e.event === 'candidateDeleted')!.data).toEqual({ opportunityId, candidateId: opportunityId });
    expect((await http('GET', `${control}/opportunities/${opportunityId}`)).status).toBe(404);
  });

  it('retries a failed delivery with the exact same body until the receiver accepts it', async () => {
    receiver.plan(500, 503);
    const { deliveryIds } = await apply();
    const delivery = await waitFor(
      async () => {
        const [found] = (await http<Delivery[]>('GET', `${control}/deliveries`)).body.filter((d) => d.deliveryId === deliveryIds[0]);
        return found?.delivered && found;
      },
      { timeoutMs: 3_000, intervalMs: 10, what: 'the retried delivery' },
    );
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    const bodies = receiver.on('/webhooks/lever').map((r) => r.body);
    expect(bodies).toEqual([delivery.body, delivery.body, delivery.body]);
  });

  it('reruns a delivery several times at once, byte for byte, and reports the statuses', async () => {
    const { opportunityId, deliveryIds } = await apply();
    await eventsFor(opportunityId, 1);
    receiver.reset();
    receiver.plan(200, 409);
    const rerun = await http<{ statuses: number[] }>('POST', `${control}/deliveries/${deliveryIds[0]}/redeliver`, { times: 3 });
    expect(rerun.status).toBe(200);
    expect(rerun.body.statuses.sort()).toEqual([200, 200, 409]);
    expect(new Set(receiver.on('/webhooks/lever').map((r) => r.body)).size).toBe(1);
    expect((await http('POST', `${control}/deliveries/nope/redeliver`, {})).status).toBe(404);
  });

  it('sends a forged data payload under a valid signature and returns the relay answer', async () => {
    const forged = await http<{ status: number; body: unknown; deliveryId: string }>('POST', `${control}/webhooks/send`, {
      event: 'candidateStageChange',
      data: { opportunityId: 'forged', toStageId: 'offer' },
      triggeredAt: 1431454330072,
    });
    expect(forged.body).toEqual(expect.objectContaining({ status: 200, body: expect.objectContaining({ status: 'accepted' }) }));
    const [envelope] = envelopes();
    expect(envelope.triggeredAt).toBe(1431454330072);
    expect(envelope.data).toEqual({ opportunityId: 'forged', toStageId: 'offer' });
    expect(verifyLeverSignature(envelope, [SANDBOX_LEVER_WEBHOOK_TOKENS.candidateStageChange])).toBe(true);
    expect((await http('POST', `${control}/webhooks/send`, { event: 'noSuchEvent', data: {} })).status).toBe(400);
  });
});
