// Refty's decision, over generated snapshots and case by case (the properties every decision must keep run
// over it in test/unit/decisions.test.ts, from the registry).
import fc from 'fast-check';
import { decideRefty } from '../../../src/integrations/refty/decide';
import { decide, input, live, notes, NOW, snapshot, stopNotesOff, world } from '../../harness/decisions';
import { settings as refty } from './decision-settings';

it('acts only on a covered posting, for a new application or a new entry into a step stage; elsewhere it only notes a new step-stage entry, once', () => {
  fc.assert(
    fc.property(snapshot, world, stopNotesOff, (s, w, off) => {
      const d = decide(decideRefty, s, { ...refty, stopNotes: !off }, w);
      if ((d.kind !== 'start' && d.kind !== 'deliver') || s.deleted || s.archived) return true;
      const step = s.stage.stageId === 'phone-screen' || w.stageName === 'On-site';
      const newEntry = step && s.stage.enteredAt >= w.since;
      const newApplication = s.application !== undefined && s.application.createdAt >= w.since;
      if (s.postingId !== 'posting-covered') {
        return d.kind === 'start' && notes(d) && !off && newEntry && !(w.process.state === 'closed' && w.process.status === 'not-covered');
      }
      return !notes(d) && (d.kind === 'start' ? newEntry || newApplication : newEntry);
    }),
  );
});

it('re-entry is a new entry: the running sequence gets it; an uncovered posting gets nothing', () => {
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
