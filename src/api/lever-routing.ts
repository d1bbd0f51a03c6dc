// Which process a verified Lever event starts or wakes. Pure: no I/O, so every rule is unit-testable.
import ms from 'ms';
import type { Config } from '../config';
import type { HandledLeverEvent, LeverEventData } from '../lever/webhook';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from '../search-attributes';
import { taskQueues } from '../task-queues';
import { opportunityProcessIds, workflowIds } from '../workflow-ids';
import { candidateHiredSignal, opportunityClosedSignal, type OpportunityEventSignal } from '../workflows/opportunity-messages';
import type { TechInterviewStatusInput } from '../workflows/tech-interview-status';
import type { WotcInput } from '../workflows/wotc';
import type { SignalAction, StartAction } from './temporal-actions';

export type LeverAction = StartAction | SignalAction;

/** Everything one event asks for; an empty list says why nothing is to be done. */
export type LeverPlan = { actions: LeverAction[]; ignoredBecause?: string };

const nothing = (reason: string): LeverPlan => ({ actions: [], ignoredBecause: reason });

export interface VerifiedLeverEvent<E extends HandledLeverEvent = HandledLeverEvent> {
  event: E;
  triggeredAt: number;
  data: LeverEventData<E>;
}

const toMs = (duration: string) => ms(duration as ms.StringValue);

export function wotcInput(opportunityId: string, hrlogics: Config['hrlogics']): WotcInput {
  return {
    opportunityId,
    settings: {
      reminderIntervalMs: toMs(hrlogics.reminderInterval),
      maxReminders: hrlogics.maxReminders,
      expiryMs: toMs(hrlogics.expiry),
      hireWaitMs: toMs(hrlogics.hireWait),
    },
  };
}

/** The configuration planners read. */
export type RoutingConfig = Pick<Config, 'hrlogics' | 'techInterview' | 'temporal'>;

export function planLeverEvent(verified: VerifiedLeverEvent, config: RoutingConfig): LeverPlan {
  const actions = planners.flatMap((plan) => plan(verified, config));
  return actions.length > 0 ? { actions } : nothing(`no enabled integration acts on ${verified.event}`);
}

type Planner = (verified: VerifiedLeverEvent, config: RoutingConfig) => LeverAction[];

const signalArg = (verified: VerifiedLeverEvent): OpportunityEventSignal => ({
  event: verified.event as OpportunityEventSignal['event'],
  triggeredAt: verified.triggeredAt,
});

/** Archive, delete and hire wake every process the opportunity may have; each confirms with Lever. */
const opportunityLifecycle: Planner = (verified) => {
  const { opportunityId } = verified.data;
  const fanOut = (signal: string): LeverAction[] => [{ kind: 'signal', workflowIds: opportunityProcessIds(opportunityId), signal, arg: signalArg(verified) }];
  switch (verified.event) {
    case 'candidateHired':
      return fanOut(candidateHiredSignal.name);
    case 'candidateArchiveChange':
      // Unarchiving reopens nothing: the processes it stopped have ended.
      return (verified.data as LeverEventData<'candidateArchiveChange'>).toArchived ? fanOut(opportunityClosedSignal.name) : [];
    case 'candidateDeleted':
      return fanOut(opportunityClosedSignal.name);
    default:
      return [];
  }
};

const hrlogicsScreening: Planner = (verified, config) => {
  if (verified.event !== 'applicationCreated' || !config.hrlogics.enabled) return [];
  const { opportunityId } = verified.data;
  return [
    {
      kind: 'start',
      workflowType: 'wotcScreening',
      workflowId: workflowIds.wotc(opportunityId),
      taskQueue: taskQueues(config.temporal.taskQueue).main,
      args: [wotcInput(opportunityId, config.hrlogics)],
      searchAttributes: [
        { key: SEARCH_ATTRIBUTES.opportunityId, value: opportunityId },
        { key: SEARCH_ATTRIBUTES.integration, value: INTEGRATIONS.hrlogics },
        { key: SEARCH_ATTRIBUTES.status, value: 'checking' },
      ],
    },
  ];
};

/**
 * Stage changes and hires are reported back to the technical-interview platform for opportunities it
 * exported. Whether this one is such an opportunity is known only from its tags in Lever, so a short
 * process per event reads it (one Lever call) and ends at once when it is not ours.
 */
const techInterviewReportBack: Planner = (verified, config) => {
  if ((verified.event !== 'candidateStageChange' && verified.event !== 'candidateHired') || !config.techInterview.enabled) return [];
  const { opportunityId } = verified.data;
  const input: TechInterviewStatusInput = { opportunityId, platformName: config.techInterview.platformName };
  return [
    {
      kind: 'start',
      workflowType: 'techInterviewStatusReport',
      workflowId: workflowIds.techInterviewStatus(opportunityId, verified.event, verified.triggeredAt),
      taskQueue: taskQueues(config.temporal.taskQueue).main,
      args: [input],
      searchAttributes: [
        { key: SEARCH_ATTRIBUTES.opportunityId, value: opportunityId },
        { key: SEARCH_ATTRIBUTES.integration, value: INTEGRATIONS.techInterview },
      ],
    },
  ];
};

/** One planner per concern; an integration adds its own here. */
const planners: Planner[] = [opportunityLifecycle, hrlogicsScreening, techInterviewReportBack];
