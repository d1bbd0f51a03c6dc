// HRLogics' decision (WOTC screening), over generated snapshots and case by case (the properties every
// decision must keep run over it in test/unit/decisions.test.ts, from the registry).
import fc from 'fast-check';
import { decideWotc } from '../../../src/integrations/hrlogics/decide';
import { decide, input, live, notes, NOW, snapshot, stopNotesOff, world } from '../../harness/decisions';
import { settings as wotc } from './decision-settings';

it('starts a screening only for a new application with an email, once; without an email only to note it, once', () => {
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

describe('case by case', () => {
  it('a screening that ended for lack of an email starts again once there is one', () => {
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
});
