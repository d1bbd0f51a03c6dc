// The anonymous technical-interview platform end to end through HTTP: `interview.completed` callbacks
// from the simulated platform, Lever state read back from the sandbox, and stage changes and hires of
// exported candidates reported back to the platform.
import { randomUUID } from 'node:crypto';
import type { TechInterviewOutcome } from '../../../src/integrations/tech-interview/messages';
import { techInterviewControl, type InterviewRequest } from '../../../src/integrations/tech-interview/sandbox/control-client';
import { techInterviewAnonymousTag, techInterviewNoteMarkers, techInterviewTag } from '../../../src/integrations/tech-interview/tags';
import type { SandboxControl } from '../../../src/sandbox/control-client';
import { SEED_POSTING_IDS, SEED_USERS } from '../../../src/sandbox/lever/seed';
import { integrationProcessId } from '../../../src/temporal/workflow-ids';
import { decisionOf } from '../../harness/opportunity';
import { useTestRelay, waitFor } from '../../harness/relay';
import { resultOnceStarted } from '../../harness/temporal';

const PLATFORM = 'TechScreen';
const scores = { technical: 4, communication: 3, problemSolving: 2 };
const interview = (overrides: Partial<InterviewRequest> = {}): InterviewRequest => ({
  interviewId: `int-${randomUUID()}`,
  outcome: 'advance',
  candidate: {
    anonymous: false,
    name: 'Ada Advance',
    email: `ada-${randomUUID()}@example.com`,
    linkedinUrl: 'https://www.linkedin.com/in/ada',
  },
  interviewer: { name: 'Harry Hiring-Manager', leverUserEmail: SEED_USERS.harry.email },
  scores,
  feedback: 'Clear reasoning about trade-offs.',
  leverPostingId: SEED_POSTING_IDS.backendEngineer,
  ...overrides,
});

const exportId = (interviewId: string) => integrationProcessId('tech-interview', 'export', interviewId);

async function exported(control: SandboxControl, interviewId: string) {
  return (await control.opportunities()).filter((o) => o.tags.includes(techInterviewTag(PLATFORM, interviewId)));
}

describe('interview.completed with unsuccessful candidates not exported', () => {
  const t = useTestRelay({ env: { TECH_INTERVIEW_EXPORT_UNSUCCESSFUL: 'false' } });
  const outcome = (id: string) => resultOnceStarted<TechInterviewOutcome>(t.relay.client, exportId(id));

  it('advance with an interviewer who is a Lever user: created as that user at the default stage, source and posting set, scores noted', async () => {
    const sent = await techInterviewControl(t.control).completeInterview(interview());
    expect(sent.status).toBe(202);
    expect(await outcome(sent.interviewId)).toMatchObject({ status: 'exported', performedAs: SEED_USERS.harry.id, noteWritten: true });
    const [o] = await exported(t.control, sent.interviewId);
    const full = await t.control.opportunity(o.id);
    expect(full).toMatchObject({
      name: 'Ada Advance',
      stage: 'applicant-new',
      sources: [PLATFORM],
      owner: SEED_USERS.harry.id,
      links: ['https://www.linkedin.com/in/ada'],
    });
    expect(full.applications.map((a) => a.posting)).toEqual([SEED_POSTING_IDS.backendEngineer]);
    expect(full.tags).not.toContain(techInterviewAnonymousTag(PLATFORM));
    expect(full.notes).toHaveLength(1);
    expect(full.notes[0].value).toMatch(/technical 4, communication 3, problem solving 2/);
    expect(full.notes[0].value).toContain('Clear reasoning about trade-offs.');
    expect(full.notes[0].value).toContain(techInterviewNoteMarkers.scores(sent.interviewId));
    expect(full.notes[0].value).not.toMatch(/Added to Lever as/);
  });

  it('an interviewer whose Lever role may not add candidates (403): created once, as the default user, and the note says so', async () => {
    const since = Date.now();
    const sent = await techInterviewControl(t.control).completeInterview(
      interview({ interviewer: { name: 'Ivan Interviewer', leverUserEmail: SEED_USERS.ivan.email } }),
    );
    expect(await outcome(sent.interviewId)).toMatchObject({ status: 'exported', performedAs: SEED_USERS.rita.id, noteWritten: true });
    const found = await exported(t.control, sent.interviewId);
    expect(found).toHaveLength(1);
    const full = await t.control.opportunity(found[0].id);
    expect(full.owner).toBe(SEED_USERS.rita.id);
    // Lever refused the interviewer's create, then took the default user's: one attempt each.
    const creates = (await t.control.leverRequests()).filter((r) => r.at >= since && r.method === 'POST' && r.path === '/opportunities');
    expect(creates.map((r) => r.status)).toEqual([403, 201]);
    expect(full.notes).toHaveLength(1);
    expect(full.notes[0].value).toContain(
      `Added to Lever as ${SEED_USERS.rita.email}: Lever did not let the interviewer's Lever user (${SEED_USERS.ivan.email}) add candidates.`,
    );
  });

  it('Lever refusing every user it may act as: the export waits, says so in RelayStatus, and completes once an admin fixes the role', async () => {
    await t.control.setUserRole(SEED_USERS.rita.id, 'interviewer');
    try {
      const sent = await techInterviewControl(t.control).completeInterview(
        interview({ interviewer: { name: 'Ivan Interviewer', leverUserEmail: SEED_USERS.ivan.email } }),
      );
      const handle = t.relay.client.workflow.getHandle(exportId(sent.interviewId));
      await waitFor(async () => (await handle.describe().catch(() => undefined))?.searchAttributes.RelayStatus?.[0] === 'lever-refused', {
        what: 'the export to wait on the refusal',
      });
      expect(await exported(t.control, sent.interviewId)).toEqual([]);
      await t.control.setUserRole(SEED_USERS.rita.id, 'super admin');
      expect(await outcome(sent.interviewId)).toMatchObject({ status: 'exported', performedAs: SEED_USERS.rita.id, noteWritten: true });
      expect(await exported(t.control, sent.interviewId)).toHaveLength(1);
    } finally {
      await t.control.setUserRole(SEED_USERS.rita.id, SEED_USERS.rita.accessRole);
    }
  });

  it('advance with an interviewer who is not a Lever user: created as the default user; a repeated callback changes nothing', async () => {
    const sent = await techInterviewControl(t.control).completeInterview(
      interview({ interviewer: { name: 'Outside Olga', leverUserEmail: 'olga@elsewhere.example' } }),
    );
    expect((await techInterviewControl(t.control).redeliverCallback(sent.callbackId, 2)).statuses).toEqual([200, 200]);
    expect(await outcome(sent.interviewId)).toMatchObject({ status: 'exported', performedAs: SEED_USERS.rita.id });
    const found = await exported(t.control, sent.interviewId);
    expect(found).toHaveLength(1);
    expect(found[0].owner).toBe(SEED_USERS.rita.id);
  });

  it('no_advance: nothing is exported', async () => {
    const before = (await t.control.leverRequests()).filter((r) => r.method === 'POST').length;
    const sent = await techInterviewControl(t.control).completeInterview(
      interview({ outcome: 'no_advance', candidate: { anonymous: true, pseudonym: 'Quiet Quokka' } }),
    );
    expect(await outcome(sent.interviewId)).toEqual({ status: 'not-exported' });
    expect(await exported(t.control, sent.interviewId)).toEqual([]);
    expect((await t.control.leverRequests()).filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('reports a stage change and the hire of an exported candidate back to the platform; other candidates are not reported', async () => {
    const sent = await techInterviewControl(t.control).completeInterview(interview());
    await outcome(sent.interviewId);
    const [o] = await exported(t.control, sent.interviewId);
    await t.control.moveStage(o.id, 'onsite');
    const [moved] = await waitFor(
      async () => {
        const statuses = await techInterviewControl(t.control).statuses(sent.interviewId);
        return statuses.length > 0 && statuses;
      },
      { what: 'the stage change report' },
    );
    expect(moved).toMatchObject({ stageId: 'onsite', stageName: 'On-site Interview', hired: false });
    // Keyed by the fact reported: this stage entry.
    expect(moved.idempotencyKey).toMatch(new RegExp(`^tech-interview/${o.id}/status/onsite@\\d+$`));

    await t.control.hire(o.id);
    const statuses = await waitFor(
      async () => {
        const list = await techInterviewControl(t.control).statuses(sent.interviewId);
        return list.some((s) => s.hired) && list;
      },
      { what: 'the hire report' },
    );
    expect(statuses.find((s) => s.hired)).toMatchObject({ stageId: 'onsite', stageName: 'On-site Interview', hired: true });

    // Someone who applied directly moves stage too: the same look at Lever shows it is not ours.
    const { opportunityId } = await t.control.apply({ name: 'Direct Dana', email: `dana-${randomUUID()}@example.com` });
    const moved2 = Date.now();
    const { deliveryIds } = await t.control.moveStage(opportunityId, 'phone-screen');
    expect(deliveryIds).toHaveLength(1);
    await decisionOf(t.relay.client, opportunityId, 'tech-interview', { since: moved2, reason: /not exported by TechScreen/ });
  });
});

describe('interview.completed with unsuccessful candidates exported', () => {
  const t = useTestRelay({ env: { TECH_INTERVIEW_EXPORT_UNSUCCESSFUL: 'true', TECH_INTERVIEW_DEFAULT_STAGE: 'lead-new' } });
  it('no_advance: an opportunity named by the pseudonym, without email, tagged Anonymous', async () => {
    const sent = await techInterviewControl(t.control).completeInterview(
      interview({ outcome: 'no_advance', candidate: { anonymous: true, pseudonym: 'Quiet Quokka' }, leverPostingId: undefined }),
    );
    const result = await resultOnceStarted<TechInterviewOutcome>(t.relay.client, exportId(sent.interviewId));
    expect(result).toMatchObject({ status: 'exported-anonymously' });
    const [o] = await exported(t.control, sent.interviewId);
    expect(o).toMatchObject({ name: 'Quiet Quokka', emails: [], stage: 'lead-new', sources: [PLATFORM] });
    expect(o.tags).toContain(techInterviewAnonymousTag(PLATFORM));
  });

  it('no_advance of a named candidate still exports no name or email', async () => {
    const sent = await techInterviewControl(t.control).completeInterview(interview({ outcome: 'no_advance' }));
    await resultOnceStarted(t.relay.client, exportId(sent.interviewId));
    const [o] = await exported(t.control, sent.interviewId);
    expect(o.name).toBe(`${PLATFORM} candidate ${sent.interviewId}`);
    expect(o.emails).toEqual([]);
    expect(o.links).toEqual([]);
  });
});
