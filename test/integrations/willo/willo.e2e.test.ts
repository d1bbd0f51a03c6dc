// Willo end to end through HTTP only: the sandbox plays Lever (a recruiter moves the candidate), Willo
// and the humans (the candidate records the video, the reviewer decides); assertions read the sandbox's
// state back over its control API.
import { randomUUID } from 'node:crypto';
import { willoControl, type WilloControl } from '../../../src/integrations/willo/sandbox/control-client';
import { WILLO_TAGS } from '../../../src/integrations/willo/tags';
import { SandboxControl } from '../../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../../src/sandbox/lever/seed';
import { integrationProcessId } from '../../../src/temporal/workflow-ids';
import { willoStateQuery } from '../../../src/integrations/willo/messages';
import { SANDBOX_LEVER_API_KEY } from '../../../src/config/sandbox-defaults';
import { basicAuth } from '../../../src/http/json-client';
import { callbackHeaders } from '../../harness/callbacks';
import { http, waitFor } from '../../harness/http';
import { decisionOf } from '../../harness/opportunity';
import { startTestRelay, useTestRelay, type TestRelay } from '../../harness/relay';
import { resultOnceStarted } from '../../harness/temporal';

let relay: TestRelay;
let control: SandboxControl;
let willo: WilloControl;

beforeAll(async () => {
  // A trigger stage by name and one by id: both must work.
  relay = await startTestRelay({ env: { WILLO_TRIGGER_STAGES: 'Phone Screen,onsite', REFTY_ENABLED: 'false' } });
  control = new SandboxControl(relay.sandbox.baseUrl);
  willo = willoControl(control);
});
afterAll(() => relay.stop());

const email = () => `willo-${randomUUID()}@example.com`;
const willoTags = (tags: string[]) => tags.filter((t) => (Object.values(WILLO_TAGS) as string[]).includes(t));

async function applyToTaggedPosting(withEmail = true) {
  return control.apply({ name: 'Vera Video', ...(withEmail ? { email: email() } : {}), postingId: SEED_POSTING_IDS.backendEngineer });
}

/** Lever's own record of the opportunity, as the Data API answers it. */
async function fetchOpportunity(opportunityId: string): Promise<{ stageChanges: { toStageId: string; updatedAt: number }[] }> {
  const answer = await http<{ data: { stageChanges: { toStageId: string; updatedAt: number }[] } }>(
    'GET',
    `${relay.sandbox.baseUrl}/lever/v1/opportunities/${opportunityId}`,
    undefined,
    {
      authorization: basicAuth(SANDBOX_LEVER_API_KEY),
    },
  );
  return answer.body.data;
}

async function participantOf(opportunityId: string) {
  return waitFor(async () => (await willo.participants(opportunityId))[0], { what: `a Willo participant for ${opportunityId}` });
}

async function willoStatus(opportunityId: string, tag: string) {
  return waitFor(
    async () => {
      const { tags } = await control.opportunity(opportunityId);
      return willoTags(tags).length === 1 && tags.includes(tag) ? tags : undefined;
    },
    { what: `${tag} alone on ${opportunityId}` },
  );
}

async function delivered(opportunityId: string, count: number) {
  return waitFor(
    async () => {
      const list = await control.deliveries({ event: 'candidateStageChange', opportunityId });
      return list.length >= count && list.every((d) => d.delivered) ? list : undefined;
    },
    { what: `${count} stage-change deliveries` },
  );
}

describe('Willo end to end', () => {
  it('trigger stage -> invite -> video recorded -> note and To Review -> reviewer accepts -> Accepted, one status tag throughout', async () => {
    const { opportunityId } = await applyToTaggedPosting();
    await control.moveStage(opportunityId, 'phone-screen');
    const participant = await participantOf(opportunityId);
    expect(participant).toMatchObject({ interview: 'int-engineering-screen', external_id: opportunityId, status: 'invited' });
    await willoStatus(opportunityId, WILLO_TAGS.invited);
    // Willo's callbacks name only the participant: the process carries its key, for the API to find it by.
    const { searchAttributes } = await relay.client.workflow.getHandle(integrationProcessId('willo', opportunityId)).describe();
    expect(searchAttributes.WilloParticipant).toEqual([participant.key]);

    const response = await willo.finishVideo(participant.key);
    expect(response.status).toBe(200);
    // Willo delivering the same callback again changes nothing.
    const again = await willo.redeliverCallback(response.callbackId, 3);
    expect(again.statuses).toEqual([200, 200, 200]);
    await willoStatus(opportunityId, WILLO_TAGS.toReview);
    const { notes } = await control.opportunity(opportunityId);
    expect(notes.filter((n) => n.value.includes('video interview'))).toHaveLength(1);
    expect(notes[0].value).toContain(`/willo/responses/${participant.key}`);

    expect((await willo.reviewVideo(participant.key, 'Accepted')).status).toBe(200);
    const tags = await willoStatus(opportunityId, WILLO_TAGS.accepted);
    expect(willoTags(tags)).toEqual([WILLO_TAGS.accepted]);
    // The process has ended: nothing more can write; one responses note despite the redeliveries.
    expect(await relay.client.workflow.getHandle(integrationProcessId('willo', opportunityId)).result()).toMatchObject({
      status: 'accepted',
    });
    expect((await control.opportunity(opportunityId)).notes).toHaveLength(1);
  });

  it('the reviewer rejecting gives Willo:Rejected', async () => {
    const { opportunityId } = await applyToTaggedPosting();
    await control.moveStage(opportunityId, 'phone-screen');
    const participant = await participantOf(opportunityId);
    await willo.finishVideo(participant.key);
    await willoStatus(opportunityId, WILLO_TAGS.toReview);
    await willo.reviewVideo(participant.key, 'rejected');
    expect(willoTags(await willoStatus(opportunityId, WILLO_TAGS.rejected))).toEqual([WILLO_TAGS.rejected]);
  });

  it('invites once: a second trigger stage, re-entering the stage and a webhook delivered five times send no second invite', async () => {
    const { opportunityId } = await applyToTaggedPosting();
    await control.moveStage(opportunityId, 'phone-screen');
    await participantOf(opportunityId);
    await control.moveStage(opportunityId, 'onsite');
    await control.moveStage(opportunityId, 'phone-screen');
    const deliveries = await delivered(opportunityId, 3);
    // The later entries reach the running interview process, which records them and sends nothing. The
    // two moves come close together, so one look at Lever may see only the last: the current entry.
    const process = relay.client.workflow.getHandle(integrationProcessId('willo', opportunityId));
    const { stageChanges } = await waitFor(async () => await fetchOpportunity(opportunityId));
    const current = `phone-screen@${stageChanges.at(-1)!.updatedAt}`;
    await waitFor(async () => (await process.query(willoStateQuery)).laterTriggers.includes(current), { what: 'the re-entry recorded' });
    const redelivered = Date.now();
    const { statuses } = await control.redeliver(deliveries[0].deliveryId, 5);
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    await decisionOf(relay.client, opportunityId, 'willo', { since: redelivered, reason: /no second invite/ });
    expect(await willo.participants(opportunityId)).toHaveLength(1);
    // Keyed by the stage entry that invited: a retry is the same invite.
    expect((await willo.participants(opportunityId))[0].idempotencyKey).toMatch(
      new RegExp(`^willo/${opportunityId}/invite/int-engineering-screen/phone-screen@\\d+$`),
    );
    expect((await process.query(willoStateQuery)).laterTriggers).not.toContain((await process.query(willoStateQuery)).invitedFor);
    // The tag follows the invite through the rate-limited Lever queue: wait for it rather than a fixed pause.
    expect(willoTags(await willoStatus(opportunityId, WILLO_TAGS.invited))).toEqual([WILLO_TAGS.invited]);
  });

  it('invites nobody for a posting without a Willo interview tag, nor a candidate without an email, and says why in Lever, once', async () => {
    const untagged = await control.apply({ name: 'Nora Notag', email: email(), postingId: SEED_POSTING_IDS.warehouseAssociate });
    const noEmail = await applyToTaggedPosting(false);
    await control.moveStage(untagged.opportunityId, 'phone-screen');
    await control.moveStage(noEmail.opportunityId, 'phone-screen');
    await decisionOf(relay.client, untagged.opportunityId, 'willo', { reason: /neither the opportunity nor its posting has a Willo/ });
    await decisionOf(relay.client, noEmail.opportunityId, 'willo', { reason: /no email/ });
    const ended = async (opportunityId: string) =>
      (await resultOnceStarted<{ status: string }>(relay.client, integrationProcessId('willo', opportunityId))).status;
    expect(await ended(untagged.opportunityId)).toBe('no-interview');
    expect(await ended(noEmail.opportunityId)).toBe('no-email');
    // Willo's notes (HRLogics, also on here, notes the application without an email too).
    const notesOf = async (opportunityId: string) =>
      (await control.opportunity(opportunityId)).notes.map((n) => n.value).filter((v) => v.startsWith('Willo:'));
    expect(await notesOf(untagged.opportunityId)).toEqual([
      expect.stringMatching(/^Willo: no video interview invite was sent: this posting is not linked/),
    ]);
    expect(await notesOf(noEmail.opportunityId)).toEqual([
      expect.stringMatching(/^Willo: no video interview invite was sent: the opportunity has no email/),
    ]);
    for (const { opportunityId } of [untagged, noEmail]) {
      expect(await willo.participants(opportunityId)).toEqual([]);
      expect(willoTags((await control.opportunity(opportunityId)).tags)).toEqual([]);
    }
    // Entering the stage again: the ended process remembers the stop, no second note.
    await control.moveStage(untagged.opportunityId, 'applicant-new');
    const again = Date.now();
    await control.moveStage(untagged.opportunityId, 'phone-screen');
    await decisionOf(relay.client, untagged.opportunityId, 'willo', { since: again, reason: /noted in Lever before/ });
    expect(await notesOf(untagged.opportunityId)).toHaveLength(1);
  });

  it('withdraws the invite when the candidate is archived before recording', async () => {
    const { opportunityId } = await applyToTaggedPosting();
    await control.moveStage(opportunityId, 'phone-screen');
    await participantOf(opportunityId);
    await willoStatus(opportunityId, WILLO_TAGS.invited);
    await control.archive(opportunityId);
    await waitFor(async () => (await willo.participants(opportunityId))[0].status === 'withdrawn', { what: 'the invite to be withdrawn' });
  });

  it('a forged stage change (valid signature, data for a stage the opportunity never entered) invites nobody', async () => {
    const { opportunityId } = await applyToTaggedPosting();
    const sent = Date.now();
    const forged = await control.sendWebhook('candidateStageChange', {
      opportunityId,
      candidateId: opportunityId,
      fromStageId: 'applicant-new',
      toStageId: 'phone-screen',
    });
    // Accepted (the signature is valid): the opportunity process reads Lever, where the candidate is still a new applicant.
    expect(forged.status).toBe(202);
    await decisionOf(relay.client, opportunityId, 'willo', { since: sent, reason: /not a Willo trigger stage/ });
    expect(await willo.participants(opportunityId)).toEqual([]);
    expect((await control.opportunity(opportunityId)).tags.filter((t) => t.startsWith('Willo:') && !t.endsWith('-Sandbox'))).toEqual([]);
  });

  it('a posting tagged in the other form, Willo:<Interview>:<Account>, invites to that interview', async () => {
    const { postings } = await control.bulkPostings({ count: 1, applicantsPerPosting: 0 });
    await control.tagPosting(postings[0].id, ['Willo:Support Screen:Sandbox']);
    const { opportunityId } = await control.apply({ name: 'Colin Colon', email: email(), postingId: postings[0].id });
    await control.moveStage(opportunityId, 'phone-screen');
    expect(await participantOf(opportunityId)).toMatchObject({ interview: 'int-support-screen', status: 'invited' });
  });

  it('a callback that also carries external_id (our opportunity id) is still accepted', async () => {
    const { opportunityId } = await applyToTaggedPosting();
    await control.moveStage(opportunityId, 'phone-screen');
    const participant = await participantOf(opportunityId);
    await willoStatus(opportunityId, WILLO_TAGS.invited);
    const body = JSON.stringify({
      type: 'new_response',
      participant: participant.key,
      interview: participant.interview,
      external_id: opportunityId,
    });
    const answer = await http<{ status: string }>('POST', `${relay.apiUrl}/webhooks/willo`, body, callbackHeaders('willo', body));
    expect(answer).toMatchObject({ status: 200, body: { status: 'signalled' } });
    await willoStatus(opportunityId, WILLO_TAGS.toReview);
  });

  it('a callback for an unknown participant gets a clear 404 (so Willo retries); a bad signature 401', async () => {
    for (const extra of [{}, { external_id: randomUUID() }]) {
      const body = JSON.stringify({
        type: 'new_response',
        participant: `par-nope-${randomUUID()}`,
        interview: 'int-engineering-screen',
        ...extra,
      });
      const headers = callbackHeaders('willo', body);
      const answer = await http<{ error: string }>('POST', `${relay.apiUrl}/webhooks/willo`, body, headers);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatch(/unknown participant/);
      expect((await http('POST', `${relay.apiUrl}/webhooks/willo`, body, { ...headers, 'webhook-signature': 'v1,AAAA' })).status).toBe(401);
    }
  });
});

describe('Willo invite window', () => {
  const short = useTestRelay({ env: { WILLO_INVITE_EXPIRY: '1s', REFTY_ENABLED: 'false', HRLOGICS_ENABLED: 'false' } });

  it('an expired invite is recorded (status, one note, tag kept), and a late response still moves the candidate to To Review', async () => {
    const { opportunityId } = await short.control.apply({ name: 'Lou Late', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await short.control.moveStage(opportunityId, 'phone-screen');
    const handle = short.relay.client.workflow.getHandle(integrationProcessId('willo', opportunityId));
    await waitFor(async () => (await handle.query(willoStateQuery).catch(() => undefined))?.status === 'expired', {
      what: 'the invite to expire',
    });
    const [participant] = await willoControl(short.control).participants(opportunityId);
    const notes = await waitFor(async () => {
      const list = (await short.control.opportunity(opportunityId)).notes;
      return list.length > 0 && list;
    });
    expect(notes.map((n) => n.value)).toEqual([expect.stringMatching(/^Willo: the video interview invite expired without a response/)]);
    expect(participant.status).toBe('invited');
    expect((await short.control.opportunity(opportunityId)).tags).toContain(WILLO_TAGS.invited);

    expect((await willoControl(short.control).finishVideo(participant.key)).status).toBe(200);
    await waitFor(
      async () => {
        const { tags } = await short.control.opportunity(opportunityId);
        return tags.includes(WILLO_TAGS.toReview) && !tags.includes(WILLO_TAGS.invited);
      },
      { what: 'Willo:To Review after the late response' },
    );
    expect((await handle.query(willoStateQuery)).status).toBe('to-review');
  });
});
