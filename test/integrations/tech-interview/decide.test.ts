// The technical-interview platform's decision (reporting back on the candidates it exported), over generated
// snapshots and case by case (the properties every decision must keep run over it in
// test/unit/decisions.test.ts, from the registry).
import fc from 'fast-check';
import { decideReportBack } from '../../../src/integrations/tech-interview/report-back';
import { decide, live, MINUTE, NOW, snapshot, world } from '../../harness/decisions';
import { settings as platform } from './decision-settings';

it('the report goes only to opportunities the platform exported, keyed by a new fact', () => {
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
