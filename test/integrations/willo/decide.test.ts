// Willo's decision, over generated snapshots and case by case (the properties every decision must keep run
// over it in test/unit/decisions.test.ts, from the registry).
import fc from 'fast-check';
import { decideWillo } from '../../../src/integrations/willo/decide';
import { willoInterviewTitles } from '../../../src/integrations/willo/tags';
import { decide, input, live, MINUTE, notes, NOW, snapshot, stopNotesOff, world } from '../../harness/decisions';
import { settings as willo } from './decision-settings';

it('invites only on a new entry into a trigger stage, with an email and an interview tag; without, it only notes why, once', () => {
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

describe('case by case', () => {
  it('a stage change nobody uses costs no lookup when the cache has the stage name', () => {
    const s = live({ stage: { stageId: 'onsite', enteredAt: NOW }, lookups: { stageName: 'On-site Interview' } });
    expect(decideWillo(input(s, willo))).toEqual({ kind: 'nothing', reason: 'not a Willo trigger stage' });
  });

  it('asks for the stage name only when the stage id is not configured itself', () => {
    expect(decideWillo(input(live({ stage: { stageId: 'phone-screen', enteredAt: NOW } }), willo))).toEqual({
      kind: 'need',
      needs: ['stageName'],
    });
    const byId = live({ stage: { stageId: 'stage-video', enteredAt: NOW }, tags: ['Willo:Screen-Acme'] });
    expect(decideWillo(input(byId, willo))).toEqual({ kind: 'need', needs: ['process'] });
  });

  it('reads the posting tags only when the opportunity has no interview tag', () => {
    const s = live({ stage: { stageId: 'stage-video', enteredAt: NOW } });
    expect(decideWillo(input(s, willo))).toEqual({ kind: 'need', needs: ['postingTags'] });
    expect(decide(decideWillo, s, { ...willo, stopNotes: false }, { postingTags: [] })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/Willo:<Interview>-Acme \(or Willo:<Interview>:Acme\) tag/),
    });
    expect(decide(decideWillo, s, willo, { postingTags: ['Willo:Screen-Acme'] })).toMatchObject({ kind: 'start' });
  });

  it('reads both forms of interview tag, Willo:<Interview>-<Account> and Willo:<Interview>:<Account>', () => {
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

  it('a process that ended after inviting is not started again; one that ended before is', () => {
    const s = live({ stage: { stageId: 'stage-video', enteredAt: NOW }, tags: ['Willo:Screen-Acme'] });
    expect(decide(decideWillo, s, willo, { process: { state: 'closed', status: 'accepted' } })).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/one invite per candidate/),
    });
    expect(decide(decideWillo, s, willo, { process: { state: 'closed', status: 'withdrawn' } })).toMatchObject({ kind: 'start' });
  });

  it('a stop is noted once: the process that noted it is the memory, so the same stop seen again costs no Lever request', () => {
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
});
