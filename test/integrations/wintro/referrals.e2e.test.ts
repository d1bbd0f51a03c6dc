// Wintro referrals and notifications end to end through HTTP: the sandbox plays Wintro (signed callbacks)
// and Lever; assertions read Lever's state back over the control API. Covers the crash window between
// creating the opportunity and writing the note, and duplicate callbacks.
import { randomUUID } from 'node:crypto';
import type { WintroReferralOutcome } from '../../../src/integrations/wintro/referral-workflow';
import { wintroControl } from '../../../src/integrations/wintro/sandbox/control-client';
import { wintroNoteMarkers, wintroReferralTag } from '../../../src/integrations/wintro/tags';
import type { SandboxOpportunity } from '../../../src/sandbox/control-client';
import { SEED_POSTING_IDS, SEED_USERS } from '../../../src/sandbox/lever/seed';
import { integrationProcessId } from '../../../src/temporal/workflow-ids';
import { http, useTestRelay, waitFor } from '../../harness/relay';
import { resultOnceStarted } from '../../harness/temporal';

const t = useTestRelay();

const postingId = SEED_POSTING_IDS.backendEngineer;
const referrer = { name: 'Rhea Referrer', email: 'rhea.referrer@example.com' };
const candidate = () => ({
  name: 'Cole Candidate',
  email: `cole-${randomUUID()}@example.com`,
  linkedinUrl: 'https://www.linkedin.com/in/cole',
});

const withEmail = async (email: string) =>
  (await t.control.opportunities()).filter((o) => o.emails.some((e) => e.toLowerCase() === email.toLowerCase()));
const referralProcess = (id: string) => integrationProcessId('wintro', 'referral', id);
const notificationId = (callbackId: string) => integrationProcessId('wintro', 'notification', callbackId);
const outcome = (referralId: string) => resultOnceStarted<WintroReferralOutcome>(t.relay.client, referralProcess(referralId));
const referralNotes = (o: SandboxOpportunity, referralId: string) =>
  o.notes.filter((n) => n.value.includes(wintroNoteMarkers.referral(referralId)));

async function theOnlyOpportunity(email: string): Promise<SandboxOpportunity> {
  const found = await withEmail(email);
  expect(found).toHaveLength(1);
  return t.control.opportunity(found[0].id);
}

describe('Wintro referral.applied', () => {
  it('creates a referred opportunity on the posting, as the configured user, with a note naming the referrer', async () => {
    const person = candidate();
    const sent = await wintroControl(t.control).refer({ leverPostingId: postingId, candidate: person, referrer });
    expect(sent.status).toBe(202);
    expect(await outcome(sent.referralId)).toMatchObject({ status: 'created', noteWritten: true });
    const o = await theOnlyOpportunity(person.email);
    expect(o).toMatchObject({
      name: person.name,
      origin: 'referred',
      sources: ['Wintro'],
      owner: SEED_USERS.rita.id,
      links: [person.linkedinUrl],
    });
    expect(o.applications.map((a) => a.posting)).toEqual([postingId]);
    expect(o.tags).toContain(wintroReferralTag(sent.referralId));
    const [note] = referralNotes(o, sent.referralId);
    expect(note.value).toContain('Rhea Referrer');
    expect(o.notes).toHaveLength(1);
  });

  it('only adds a note when this email already applied to the posting', async () => {
    const person = candidate();
    const { opportunityId } = await t.control.apply({ name: person.name, email: person.email, postingId });
    const sent = await wintroControl(t.control).refer({
      leverPostingId: postingId,
      candidate: { ...person, email: person.email.toUpperCase() },
      referrer,
    });
    expect(await outcome(sent.referralId)).toMatchObject({ status: 'already-applied', opportunityId, noteWritten: true });
    const o = await theOnlyOpportunity(person.email);
    expect(o.id).toBe(opportunityId);
    expect(o.origin).toBe('applied');
    expect(referralNotes(o, sent.referralId)).toHaveLength(1);
  });

  it('a duplicate referral.applied (redelivered, or resent with a new webhook-id) makes no second opportunity or note', async () => {
    const person = candidate();
    const sent = await wintroControl(t.control).refer({ leverPostingId: postingId, candidate: person, referrer });
    const again = await wintroControl(t.control).redeliverCallback(sent.callbackId, 3);
    expect(again.statuses).toEqual([200, 200, 200]);
    const resent = await wintroControl(t.control).refer({
      referralId: sent.referralId,
      leverPostingId: postingId,
      candidate: person,
      referrer,
    });
    expect(resent).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    await outcome(sent.referralId);
    const o = await theOnlyOpportunity(person.email);
    expect(referralNotes(o, sent.referralId)).toHaveLength(1);
  });

  it('a lost answer to the create or the note (the write happened) is found, not repeated', async () => {
    const person = candidate();
    await t.control.faults('lever', { dropResponses: 1, only: '^POST /opportunities$' });
    const sent = await wintroControl(t.control).refer({ leverPostingId: postingId, candidate: person, referrer });
    await waitFor(async () => (await withEmail(person.email)).length > 0, { what: 'the opportunity' });
    await t.control.faults('lever', { dropResponses: 1, only: '^POST /opportunities/[^/]+/notes$' });
    expect(await outcome(sent.referralId)).toMatchObject({ status: 'created' });
    await t.control.clearFaults('lever');
    const o = await theOnlyOpportunity(person.email);
    expect(referralNotes(o, sent.referralId)).toHaveLength(1);
    const creates = (await t.control.leverRequests()).filter((r) => r.method === 'POST' && r.path === '/opportunities');
    expect(creates.filter((r) => r.status === 499)).toHaveLength(1);
  });

  it('a worker stopped between creating the opportunity and writing the note resumes without a duplicate', async () => {
    const person = candidate();
    // Notes cannot be read until the worker has been replaced: the process is stuck right after the create.
    await t.control.faults('lever', { force5xx: 100_000, only: '^GET /opportunities/[^/]+/notes$' });
    const sent = await wintroControl(t.control).refer({ leverPostingId: postingId, candidate: person, referrer });
    await waitFor(async () => (await withEmail(person.email)).length > 0, { what: 'the opportunity' });
    await t.relay.stopWorker();
    await t.control.clearFaults('lever');
    await t.relay.startWorker();
    expect(await outcome(sent.referralId)).toMatchObject({ status: 'created', noteWritten: true });
    const o = await theOnlyOpportunity(person.email);
    expect(o.notes).toHaveLength(1);
  }, 90_000);

  it('refuses a bad referral with 400 and starts nothing; a forged one with 401', async () => {
    const bad = await wintroControl(t.control).refer({
      referralId: 'has spaces',
      leverPostingId: postingId,
      candidate: candidate(),
      referrer,
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { fields: { field: string }[] }).fields.map((f) => f.field)).toContain('referralId');
    const body = JSON.stringify({
      type: 'referral.applied',
      referralId: 'forged',
      leverPostingId: postingId,
      candidate: candidate(),
      referrer,
    });
    const forged = await http('POST', `${t.relay.apiUrl}/webhooks/wintro`, body, {
      'content-type': 'application/json',
      'webhook-id': 'msg_forged',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': 'v1,AAAA',
    });
    expect(forged.status).toBe(401);
    await expect(t.relay.client.workflow.getHandle(referralProcess('forged')).describe()).rejects.toThrow(/not found/i);
  });
});

describe('Wintro notification', () => {
  it('becomes one note on the named opportunity, however often it is delivered', async () => {
    const { opportunityId } = await t.control.apply({ name: 'Nora Notified', email: `nora-${randomUUID()}@example.com`, postingId });
    const sent = await wintroControl(t.control).notify(opportunityId, 'Your referral was viewed 3 times');
    expect(sent.status).toBe(202);
    expect((await wintroControl(t.control).redeliverCallback(sent.callbackId, 2)).statuses).toEqual([200, 200]);
    await resultOnceStarted(t.relay.client, notificationId(sent.callbackId));
    const { notes } = await t.control.opportunity(opportunityId);
    expect(notes.filter((n) => n.value.includes('Your referral was viewed 3 times'))).toHaveLength(1);
  });
});
