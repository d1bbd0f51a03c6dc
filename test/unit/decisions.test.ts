// Each integration's decision, a pure function of one snapshot (and its process's state when it asks):
// properties over generated snapshots (fast-check), then the cases that matter one by one.
import fc from 'fast-check';
import { integrationParts, loadConfig } from '../../src/config';
import { decideWotc } from '../../src/integrations/hrlogics/decide';
import type { WotcSettings } from '../../src/integrations/hrlogics/messages';
import type { Decision, DecisionInput, IntegrationDefinition, ProcessState } from '../../src/integrations/kit/definition';
import { decideRefty } from '../../src/integrations/refty/decide';
import type { ReftySettings } from '../../src/integrations/refty/messages';
import type { TechInterviewSettings } from '../../src/integrations/tech-interview/messages';
import { decideReportBack } from '../../src/integrations/tech-interview/report-back';
import { decideWillo } from '../../src/integrations/willo/decide';
import type { WilloSettings } from '../../src/integrations/willo/messages';
import { willoInterviewTitles } from '../../src/integrations/willo/tags';
import type { LiveOpportunity, OpportunitySnapshot } from '../../src/lever/snapshot';

const NOW = Date.UTC(2026, 10, 23, 12);
const MINUTE = 60_000;

const wotc: WotcSettings = { reminderIntervalMs: 1, maxReminders: 1, expiryMs: 1, hireWaitMs: 1, stopNotes: true };
const willo: WilloSettings = {
  account: 'Acme',
  triggerStages: ['Phone Screen', 'stage-video'],
  acceptedStages: [],
  rejectedStages: [],
  inviteExpiryMs: 1,
  reviewWaitMs: 1,
  stopNotes: true,
};
const refty: ReftySettings = {
  stopNotes: true,
  rules: [
    {
      postings: ['posting-covered'],
      sequenceId: 'seq',
      language: 'en',
      steps: [
        { stepId: 'self', kind: 'self_assessment', stage: 'phone-screen', name: 'Self Assessment' },
        { stepId: 'refs', kind: 'reference_check', stage: 'On-site', name: 'Reference Check' },
      ],
    },
  ],
};
const platform: TechInterviewSettings = {
  platformName: 'TechScreen',
  performAsEmail: 'x@example.com',
  defaultStage: 'New Applicant',
  exportUnsuccessful: false,
};

function live(overrides: Partial<LiveOpportunity> = {}): LiveOpportunity {
  return {
    opportunityId: 'opp-1',
    readAt: NOW,
    deleted: false,
    contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    application: { id: 'app-1', createdAt: NOW - MINUTE },
    postingId: 'posting-covered',
    createdAt: NOW - MINUTE,
    stage: { stageId: 'applicant-new', enteredAt: NOW - MINUTE },
    archived: null,
    tags: [],
    lookups: {},
    ...overrides,
  };
}

const input = <S>(snapshot: OpportunitySnapshot, settings: S, extra: Partial<DecisionInput<S>> = {}): DecisionInput<S> => ({
  snapshot,
  settings,
  actOnFactsSince: NOW - 5 * MINUTE,
  ...extra,
});

/** Runs a decision to the end the way the opportunity process does: answering its needs from `world`. */
function decide<S>(
  fn: (i: DecisionInput<S>) => Decision<unknown>,
  snapshot: OpportunitySnapshot,
  settings: S,
  world: { stageName?: string; hired?: boolean; postingTags?: string[]; process?: ProcessState; since?: number } = {},
): Decision<unknown> {
  const current = { ...input(snapshot, settings, world.since === undefined ? {} : { actOnFactsSince: world.since }) };
  for (let round = 0; round < 4; round++) {
    const decision = fn(current);
    if (decision.kind !== 'need') return decision;
    for (const need of decision.needs) {
      if (need === 'process') current.process = world.process ?? { state: 'none' };
      else if (!current.snapshot.deleted)
        current.snapshot = { ...current.snapshot, lookups: { ...current.snapshot.lookups, [need]: world[need] } };
    }
  }
  throw new Error('a decision kept asking after four rounds');
}

// Generated worlds: any mix of facts old and new, present and missing, and any process state.
const processState = fc.oneof(
  fc.constant<ProcessState>({ state: 'none' }),
  fc.constant<ProcessState>({ state: 'running' }),
  fc
    .constantFrom('no-email', 'archived', 'withdrawn', 'pre_qualified', 'expired', 'cancelled', 'accepted')
    .map<ProcessState>((status) => ({ state: 'closed', status })),
);
const time = fc.integer({ min: NOW - 30 * 24 * 60 * MINUTE, max: NOW });
const snapshot: fc.Arbitrary<OpportunitySnapshot> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<OpportunitySnapshot>({ opportunityId: 'opp-1', readAt: NOW, deleted: true }) },
  {
    weight: 9,
    arbitrary: fc
      .record({
        hasEmail: fc.boolean(),
        hasApplication: fc.boolean(),
        applied: time,
        stageId: fc.constantFrom('applicant-new', 'phone-screen', 'stage-video', 'onsite'),
        entered: time,
        archivedAt: fc.option(time),
        posting: fc.constantFrom('posting-covered', 'posting-other', undefined),
        tags: fc.subarray(['Willo:Screen-Acme', 'TechScreen:Interview int-9', 'HRLogics-WOTC:Pre Qualified']),
      })
      .map(({ hasEmail, hasApplication, applied, stageId, entered, archivedAt, posting, tags }) =>
        live({
          ...(hasEmail ? {} : { contact: undefined }),
          ...(hasApplication ? { application: { id: 'app-1', createdAt: applied } } : { application: undefined }),
          stage: { stageId, enteredAt: entered },
          archived: archivedAt === null ? null : { archivedAt, reasonId: 'reason' },
          postingId: posting,
          tags,
        }),
      ),
  },
);
const world = fc.record({
  stageName: fc.constantFrom('Phone Screen', 'On-site', 'Offer'),
  hired: fc.boolean(),
  postingTags: fc.subarray(['Willo:Screen-Acme']),
  process: processState,
  since: fc.constantFrom(0, NOW - 5 * MINUTE),
});

/** Settings that make these generated snapshots meaningful; any other integration runs with its sandbox settings. */
const SETTINGS: Record<string, unknown> = { hrlogics: wotc, willo, refty, 'tech-interview': platform };
const sandbox = loadConfig({});

/** Every integration in the registry that Lever opportunities drive, with its decision and settings. */
const DECIDERS = integrationParts(sandbox).flatMap(({ integration, server, section }) => {
  const { opportunity } = integration as IntegrationDefinition;
  return opportunity ? [[integration.name, opportunity.decide, SETTINGS[integration.name] ?? server.settings(section)] as const] : [];
});

describe('every decision, over generated snapshots', () => {
  it.each(DECIDERS)(
    '%s never starts, performs or hands over anything for a deleted opportunity but to a running process',
    (_name, fn, settings) => {
      fc.assert(
        fc.property(world, (w) => {
          const d = decide(fn as never, { opportunityId: 'o', readAt: NOW, deleted: true }, settings, w);
          return d.kind === 'nothing' || (d.kind === 'deliver' && w.process.state === 'running');
        }),
      );
    },
  );

  it.each(DECIDERS)('%s starts nothing for an archived opportunity', (_name, fn, settings) => {
    fc.assert(
      fc.property(snapshot, world, (s, w) => {
        fc.pre(!s.deleted && s.archived !== null);
        const d = decide(fn as never, s, settings, w);
        return d.kind !== 'start';
      }),
    );
  });

  it.each(DECIDERS)('%s starts nothing while its process runs (it hands the snapshot over instead)', (_name, fn, settings) => {
    fc.assert(
      fc.property(snapshot, world, (s, w) => decide(fn as never, s, settings, { ...w, process: { state: 'running' } }).kind !== 'start'),
    );
  });

  const notes = (d: Decision<unknown>) => d.kind === 'start' && /notes it in Lever/.test(d.reason);
  const stopNotesOff = fc.boolean();

  it('WOTC starts a screening only for a new application with an email, once; without an email only to note it, once', () => {
    fc.assert(
      fc.property(snapshot, world, stopNotesOff, (s, w, off) => {
        const d = decide(decideWotc, s, { ...wotc, stopNotes: !off }, w);
        if (d.kind !== 'start' || s.deleted) return true;
        const restartable =
          w.process.state === 'none' || (w.process.state === 'closed' && ['no-email', 'archived'].includes(w.process.status!));
        const news = s.application !== undefined && s.application.createdAt >= w.since && restartable;
        if (s.contact) return news && !notes(d);
        return news && !off && notes(d) && !(w.process.state === 'closed' && w.process.status === 'no-email');
      }),
    );
  });

  it('Willo invites only on a new entry into a trigger stage, with an email and an interview tag; without, it only notes why, once', () => {
    fc.assert(
      fc.property(snapshot, world, stopNotesOff, (s, w, off) => {
        const d = decide(decideWillo, s, { ...willo, stopNotes: !off }, w);
        if (d.kind !== 'start' || s.deleted) return true;
        const trigger = s.stage.stageId === 'stage-video' || w.stageName === 'Phone Screen';
        // A posting's tags count only for an opportunity on a posting.
        const tagged = s.tags.includes('Willo:Screen-Acme') || (s.postingId !== undefined && w.postingTags.includes('Willo:Screen-Acme'));
        const news = trigger && s.stage.enteredAt >= w.since;
        if (tagged && s.contact) return news && d.reason === 'entered a Willo trigger stage';
        const stop = tagged ? 'no-email' : 'no-interview';
        return news && !off && notes(d) && !(w.process.state === 'closed' && w.process.status === stop);
      }),
    );
  });

  it('Refty acts only on a covered posting, for a new application or a new entry into a step stage; elsewhere it only notes a new step-stage entry, once', () => {
    fc.assert(
      fc.property(snapshot, world, stopNotesOff, (s, w, off) => {
        const d = decide(decideRefty, s, { ...refty, stopNotes: !off }, w);
        if ((d.kind !== 'start' && d.kind !== 'deliver') || s.deleted || s.archived) return true;
        const step = s.stage.stageId === 'phone-screen' || w.stageName === 'On-site';
        const newEntry = step && s.stage.enteredAt >= w.since;
        const newApplication = s.application !== undefined && s.application.createdAt >= w.since;
        if (s.postingId !== 'posting-covered') {
          return (
            d.kind === 'start' && notes(d) && !off && newEntry && !(w.process.state === 'closed' && w.process.status === 'not-covered')
          );
        }
        return !notes(d) && (d.kind === 'start' ? newEntry || newApplication : newEntry);
      }),
    );
  });

  it('the technical-interview report goes only to opportunities the platform exported, keyed by a new fact', () => {
    fc.assert(
      fc.property(snapshot, world, (s, w) => {
        const d = decide(decideReportBack, s, platform, w);
        if (d.kind !== 'perform' || s.deleted) return d.kind === 'nothing';
        const { fact } = (d as { effect: { fact: string } }).effect;
        const newEntry = s.stage.enteredAt >= w.since;
        const newHire = s.archived !== null && s.archived.archivedAt >= w.since && w.hired;
        return (
          s.tags.includes('TechScreen:Interview int-9') &&
          (newEntry || newHire) &&
          (fact === `hired@${s.archived?.archivedAt}` || fact === `${s.stage.stageId}@${s.stage.enteredAt}`)
        );
      }),
    );
  });
});

describe('decisions, case by case', () => {
  it('a stage change nobody uses costs no lookup when the cache has the stage name', () => {
    const s = live({ stage: { stageId: 'onsite', enteredAt: NOW }, lookups: { stageName: 'On-site Interview' } });
    expect(decideWillo(input(s, willo))).toEqual({ kind: 'nothing', reason: 'not a Willo trigger stage' });
  });

  it('Willo asks for the stage name only when the stage id is not configured itself', () => {
    expect(decideWillo(input(live({ stage: { stageId: 'phone-screen', enteredAt: NOW } }), willo))).toEqual({
      kind: 'need',
      needs: ['stageName'],
    });
    const byId = live({ stage: { stageId: 'stage-video', enteredAt: NOW }, tags: ['Willo:Screen-Acme'] });
    expect(decideWillo(input(byId, willo))).toEqual({ kind: 'need', needs: ['process'] });
  });

  it('Willo reads the posting tags only when the opportunity has no interview tag', () => {
    const s = live({ stage: { stageId: 'stage-video', enteredAt: NOW } });
    expect(decideWillo(input(s, willo))).toEqual({ kind: 'need', needs: ['postingTags'] });
    expect(decide(decideWillo, s, { ...willo, stopNotes: false }, { postingTags: [] })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/Willo:<Interview>-Acme \(or Willo:<Interview>:Acme\) tag/),
    });
    expect(decide(decideWillo, s, willo, { postingTags: ['Willo:Screen-Acme'] })).toMatchObject({ kind: 'start' });
  });

  it('Willo reads both forms of interview tag, Willo:<Interview>-<Account> and Willo:<Interview>:<Account>', () => {
    expect(
      willoInterviewTitles(['Willo:Screen-Acme', 'Willo:Deep Dive:Acme', 'Willo:Other-Globex', 'Willo:Invited', 'Willo:-Acme'], 'Acme'),
    ).toEqual(['Screen', 'Deep Dive']);
    // A title may itself hold the separators: only the account at the end is cut off.
    expect(willoInterviewTitles(['Willo:Front-end: Part 1:Acme'], 'Acme')).toEqual(['Front-end: Part 1']);
    const colon = live({ stage: { stageId: 'stage-video', enteredAt: NOW } });
    expect(decide(decideWillo, colon, willo, { postingTags: ['Willo:Screen:Acme'] })).toMatchObject({ kind: 'start' });
  });

  it('an old stage entry is history: re-reading the opportunity later invites nobody', () => {
    const s = live({ stage: { stageId: 'stage-video', enteredAt: NOW - 2 * 24 * 60 * MINUTE }, tags: ['Willo:Screen-Acme'] });
    expect(decide(decideWillo, s, willo)).toMatchObject({ kind: 'nothing', reason: expect.stringMatching(/not news/) });
    // ... unless the trigger says "whatever its age" (a manual sync).
    expect(decide(decideWillo, s, willo, { since: 0 })).toMatchObject({ kind: 'start' });
  });

  it('a Willo process that ended after inviting is not started again; one that ended before is', () => {
    const s = live({ stage: { stageId: 'stage-video', enteredAt: NOW }, tags: ['Willo:Screen-Acme'] });
    expect(decide(decideWillo, s, willo, { process: { state: 'closed', status: 'accepted' } })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/one invite per candidate/),
    });
    expect(decide(decideWillo, s, willo, { process: { state: 'closed', status: 'withdrawn' } })).toMatchObject({ kind: 'start' });
  });

  it('a WOTC screening that ended for lack of an email starts again once there is one', () => {
    expect(decide(decideWotc, live(), wotc, { process: { state: 'closed', status: 'no-email' } })).toMatchObject({ kind: 'start' });
    expect(decide(decideWotc, live(), wotc, { process: { state: 'closed', status: 'expired' } })).toMatchObject({ kind: 'nothing' });
    expect(decide(decideWotc, live({ contact: undefined }), { ...wotc, stopNotes: false })).toEqual({
      kind: 'nothing',
      reason: 'no email: no survey until one is added',
    });
  });

  it('a stop is noted once: the process that noted it is the memory, so the same stop seen again costs no Lever request', () => {
    const noEmail = live({ contact: undefined });
    expect(decide(decideWotc, noEmail, wotc)).toEqual({
      kind: 'start',
      reason: 'no email: no survey until one is added: the screening process notes it in Lever',
    });
    expect(decide(decideWotc, noEmail, wotc, { process: { state: 'closed', status: 'no-email' } })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/noted in Lever before/),
    });
    // Stop notes off: not even a look at the process.
    expect(decideWotc(input(noEmail, { ...wotc, stopNotes: false }))).toMatchObject({ kind: 'nothing' });

    const untagged = live({ stage: { stageId: 'stage-video', enteredAt: NOW } });
    expect(decide(decideWillo, untagged, willo, { postingTags: [] })).toMatchObject({
      kind: 'start',
      reason: expect.stringMatching(/no invite: neither/),
    });
    expect(decide(decideWillo, untagged, willo, { postingTags: [], process: { state: 'closed', status: 'no-interview' } })).toMatchObject({
      kind: 'nothing',
    });
    // Tagged since: the process starts again, to invite (or to note the next stop).
    expect(
      decide(decideWillo, untagged, willo, { postingTags: ['Willo:Screen-Acme'], process: { state: 'closed', status: 'no-interview' } }),
    ).toEqual({
      kind: 'start',
      reason: 'entered a Willo trigger stage',
    });
    const tagged = { ...untagged, tags: ['Willo:Screen-Acme'] };
    expect(decide(decideWillo, { ...tagged, contact: undefined }, willo)).toMatchObject({
      kind: 'start',
      reason: expect.stringMatching(/no email/),
    });
    // Interviewed before: no note about a missing email now, one invite per candidate.
    expect(
      decide(decideWillo, { ...tagged, contact: undefined }, willo, { process: { state: 'closed', status: 'accepted' } }),
    ).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/one invite per candidate/),
    });
  });

  it('the survey that expired keeps listening for a late answer: a trigger meanwhile says so', () => {
    expect(decide(decideWotc, live(), wotc, { process: { state: 'running', status: 'expired' } })).toEqual({
      kind: 'nothing',
      reason: 'the survey expired; a late answer still counts',
    });
  });

  it('a hire reaches the running screening; the hire lookup comes from the cache', () => {
    const hired = live({ archived: { archivedAt: NOW, reasonId: 'reason-hired' } });
    expect(decideWotc(input(hired, wotc))).toEqual({ kind: 'need', needs: ['hired'] });
    expect(decide(decideWotc, hired, wotc, { hired: true, process: { state: 'running' } })).toEqual({ kind: 'deliver', reason: 'hired' });
  });

  it('Refty re-entry is a new entry: the running sequence gets it; an uncovered posting gets nothing', () => {
    const entered = live({ stage: { stageId: 'phone-screen', enteredAt: NOW } });
    expect(decide(decideRefty, entered, refty, { process: { state: 'running' } })).toEqual({
      kind: 'deliver',
      reason: 'entered the Self Assessment stage',
    });
    expect(decide(decideRefty, { ...entered, postingId: 'posting-other' }, { ...refty, stopNotes: false })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/not covered/),
    });
    // With stop notes, an uncovered posting entering a step's stage is noted once; other stages cost nothing.
    expect(decide(decideRefty, { ...entered, postingId: 'posting-other' }, refty)).toMatchObject({
      kind: 'start',
      reason: expect.stringMatching(/Self Assessment step, but the posting is not covered by a Refty rule: the sequence process notes it/),
    });
    expect(
      decide(decideRefty, { ...entered, postingId: 'posting-other' }, refty, { process: { state: 'closed', status: 'not-covered' } }),
    ).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/noted in Lever before/),
    });
    expect(
      decideRefty(
        input(live({ postingId: 'posting-other', stage: { stageId: 'offer', enteredAt: NOW }, lookups: { stageName: 'Offer' } }), refty),
      ),
    ).toMatchObject({
      kind: 'nothing',
      reason: 'the posting is not covered by a Refty rule',
    });
    // A step linked by stage name: the name comes from the cache.
    const onsite = live({ stage: { stageId: 'onsite', enteredAt: NOW } });
    expect(decideRefty(input(onsite, refty))).toEqual({ kind: 'need', needs: ['stageName'] });
    expect(decide(decideRefty, onsite, refty, { stageName: 'On-site', process: { state: 'closed', status: 'cancelled' } })).toEqual({
      kind: 'start',
      reason: 'entered the Reference Check stage',
    });
  });

  it('the platform hears about a hire once, keyed by the hire', () => {
    const hired = live({
      tags: ['TechScreen:Interview int-9'],
      stage: { stageId: 'onsite', enteredAt: NOW - 3 * 24 * 60 * MINUTE },
      archived: { archivedAt: NOW, reasonId: 'r' },
    });
    expect(decide(decideReportBack, hired, platform, { stageName: 'On-site', hired: true })).toEqual({
      kind: 'perform',
      reason: 'report the hire to TechScreen',
      effect: { interviewId: 'int-9', status: { stageId: 'onsite', stageName: 'On-site', hired: true }, fact: `hired@${NOW}` },
    });
    expect(decide(decideReportBack, hired, platform, { stageName: 'On-site', hired: false })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/not hired/),
    });
  });
});
