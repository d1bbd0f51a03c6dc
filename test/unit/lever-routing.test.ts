import { planLeverEvent } from '../../src/api/lever-routing';
import { loadConfig } from '../../src/config';

// The technical-interview report-back planner acts on hires and stage changes too; it has its own tests.
const config = loadConfig({ TECH_INTERVIEW_ENABLED: 'false' });
const opportunityId = 'opp-1';

describe('planLeverEvent', () => {
  it('starts one WOTC screening per opportunity with durations in ms and opaque search attributes', () => {
    const { actions } = planLeverEvent({ event: 'applicationCreated', triggeredAt: 1, data: { opportunityId } }, config);
    const wotc = actions.filter((a) => a.kind === 'start' && a.workflowType === 'wotcScreening');
    expect(wotc).toHaveLength(1);
    const [start] = wotc;
    if (start.kind !== 'start') throw new Error('expected a start');
    expect(start).toMatchObject({ workflowType: 'wotcScreening', workflowId: 'wotc/opp-1', taskQueue: 'lever-relay' });
    expect(start.args[0]).toEqual({
      opportunityId,
      settings: { reminderIntervalMs: 3 * 86_400_000, maxReminders: 3, expiryMs: 30 * 86_400_000, hireWaitMs: 180 * 86_400_000 },
    });
    expect(start.searchAttributes.map((p) => [p.key.name, p.value])).toEqual([
      ['LeverOpportunityId', opportunityId],
      ['RelayIntegration', 'hrlogics'],
      ['RelayStatus', 'checking'],
    ]);
  });

  it('ignores applicationCreated, and says why, when HRLogics and Refty are switched off', () => {
    const off = { ...config, hrlogics: { ...config.hrlogics, enabled: false }, refty: { ...config.refty, enabled: false } };
    expect(planLeverEvent({ event: 'applicationCreated', triggeredAt: 1, data: { opportunityId } }, off)).toEqual({
      actions: [],
      ignoredBecause: 'no enabled integration acts on applicationCreated',
    });
  });

  it('fans archive, delete and hire out to the opportunity processes; unarchive is ignored', () => {
    const archived = planLeverEvent({ event: 'candidateArchiveChange', triggeredAt: 5, data: { opportunityId, toArchived: { archivedAt: 5, reason: 'r' } } }, config);
    expect(archived.actions).toEqual([{ kind: 'signal', workflowIds: ['wotc/opp-1', 'willo/opp-1', 'refty/opp-1'], signal: 'opportunityClosed', arg: { event: 'candidateArchiveChange', triggeredAt: 5 } }]);
    expect(planLeverEvent({ event: 'candidateDeleted', triggeredAt: 5, data: { opportunityId } }, config).actions).toMatchObject([{ signal: 'opportunityClosed' }]);
    expect(planLeverEvent({ event: 'candidateHired', triggeredAt: 5, data: { opportunityId } }, config).actions).toMatchObject([{ signal: 'candidateHired' }]);
    expect(planLeverEvent({ event: 'candidateArchiveChange', triggeredAt: 5, data: { opportunityId, toArchived: null } }, config).actions).toEqual([]);
  });

  it('reports stage changes and hires back to the interview platform through one short process per event', () => {
    // Willo and Refty off: their stage-change run is another action, tested below.
    const on = loadConfig({ WILLO_ENABLED: 'false', REFTY_ENABLED: 'false' });
    const off = loadConfig({ WILLO_ENABLED: 'false', REFTY_ENABLED: 'false', TECH_INTERVIEW_ENABLED: 'false' });
    const { actions } = planLeverEvent({ event: 'candidateStageChange', triggeredAt: 7, data: { opportunityId, toStageId: 'onsite' } }, on);
    expect(actions).toEqual([
      expect.objectContaining({
        kind: 'start',
        workflowType: 'techInterviewStatusReport',
        workflowId: 'tech-interview-status/opp-1/candidateStageChange/7',
        args: [{ opportunityId, platformName: 'TechScreen' }],
      }),
    ]);
    expect(planLeverEvent({ event: 'candidateHired', triggeredAt: 8, data: { opportunityId } }, on).actions.map((a) => a.kind === 'start' && a.workflowId)).toContain(
      'tech-interview-status/opp-1/candidateHired/8',
    );
    expect(planLeverEvent({ event: 'candidateStageChange', triggeredAt: 7, data: { opportunityId, toStageId: 'onsite' } }, off).actions).toEqual([]);
  });
});

describe('planLeverEvent: stage changes and Refty', () => {
  const stageChange = (triggeredAt: number) => planLeverEvent({ event: 'candidateStageChange', triggeredAt, data: { opportunityId, toStageId: 'phone-screen' } }, config);

  it('starts one stage-change run per delivery, its id from opportunity, stage and triggeredAt', () => {
    const { actions } = stageChange(42);
    expect(actions).toEqual([expect.objectContaining({ kind: 'start', workflowType: 'stageChange', workflowId: 'stage-change/opp-1/phone-screen/42' })]);
    const [start] = actions;
    if (start.kind !== 'start') throw new Error('expected a start');
    expect(start.args[0]).toMatchObject({
      opportunityId,
      toStageId: 'phone-screen',
      triggeredAt: 42,
      willo: { account: 'Sandbox', triggerStages: ['Phone Screen'], settings: { inviteExpiryMs: 14 * 86_400_000, acceptedStages: ['Accepted'], rejectedStages: ['Rejected'] } },
      refty: { rules: [expect.objectContaining({ sequenceId: 'seq-support' })] },
    });
    // A re-entry later is another run; the same delivery again is the same id.
    expect(stageChange(43).actions[0]).toMatchObject({ workflowId: 'stage-change/opp-1/phone-screen/43' });
  });

  it('ignores stage changes when neither Willo nor Refty is enabled', () => {
    const off = { ...config, willo: { ...config.willo, enabled: false }, refty: { ...config.refty, enabled: false } };
    expect(planLeverEvent({ event: 'candidateStageChange', triggeredAt: 1, data: { opportunityId, toStageId: 's' } }, off).actions).toEqual([]);
  });

  it('starts Refty for an application on a covered posting, or an unknown one, but not on a posting no rule covers', () => {
    const refty = (postingId?: string) =>
      planLeverEvent({ event: 'applicationCreated', triggeredAt: 1, data: { opportunityId, ...(postingId ? { postingId } : {}) } }, config).actions.filter(
        (a) => a.kind === 'start' && a.workflowType === 'reftyReferences',
      );
    expect(refty('posting-support-lead')).toEqual([expect.objectContaining({ workflowId: 'refty/opp-1' })]);
    expect(refty()).toHaveLength(1);
    expect(refty('posting-backend-engineer')).toEqual([]);
  });
});
