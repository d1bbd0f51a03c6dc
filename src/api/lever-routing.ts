// Which process a verified Lever event starts or wakes. Pure: no I/O, so every rule is unit-testable.
import ms from 'ms';
import type { Config } from '../config';
import type { HandledLeverEvent, LeverEventData } from '../lever/webhook';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from '../search-attributes';
import { taskQueues } from '../task-queues';
import { opportunityProcessIds, workflowIds } from '../workflow-ids';
import { candidateHiredSignal, opportunityClosedSignal, type OpportunityEventSignal } from '../workflows/opportunity-messages';
import type { ReftyInput } from '../workflows/refty';
import { ruleForPosting } from '../workflows/refty-rules';
import type { StageChangeInput } from '../workflows/stage-change';
import type { TechInterviewStatusInput } from '../workflows/tech-interview-status';
import type { WotcInput } from '../workflows/wotc';
import type { SignalAction, StartAction } from './temporal-actions';

export type LeverAction = StartAction | SignalAction;

/** Everything one event asks for; an empty list says why nothing is to be done. */
export type LeverPlan = { actions: LeverAction[]; ignoredBecause?: string };

const nothing = (reason: string): LeverPlan => ({ actions: [], ignoredBecause: reason });

export type RoutingConfig = Pick<Config, 'hrlogics' | 'willo' | 'refty' | 'techInterview' | 'temporal'>;

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

/** A process for one opportunity, started on the main queue and findable in the UI by its opportunity. */
function startFor(
  config: RoutingConfig,
  opportunityId: string,
  process: { workflowType: string; workflowId: string; input: unknown; integration: string; status?: string },
): StartAction {
  return {
    kind: 'start',
    workflowType: process.workflowType,
    workflowId: process.workflowId,
    taskQueue: taskQueues(config.temporal.taskQueue).main,
    args: [process.input],
    searchAttributes: [
      { key: SEARCH_ATTRIBUTES.opportunityId, value: opportunityId },
      { key: SEARCH_ATTRIBUTES.integration, value: process.integration },
      ...(process.status ? [{ key: SEARCH_ATTRIBUTES.status, value: process.status }] : []),
    ],
  };
}

const hrlogicsScreening: Planner = (verified, config) => {
  if (verified.event !== 'applicationCreated' || !config.hrlogics.enabled) return [];
  const { opportunityId } = verified.data;
  return [
    startFor(config, opportunityId, {
      workflowType: 'wotcScreening',
      workflowId: workflowIds.wotc(opportunityId),
      input: wotcInput(opportunityId, config.hrlogics),
      integration: INTEGRATIONS.hrlogics,
      status: 'checking',
    }),
  ];
};

export function stageChangeInput(data: LeverEventData<'candidateStageChange'>, triggeredAt: number, config: RoutingConfig): StageChangeInput {
  const { willo, refty } = config;
  return {
    opportunityId: data.opportunityId,
    toStageId: data.toStageId,
    triggeredAt,
    ...(willo.enabled && {
      willo: {
        account: willo.account,
        triggerStages: willo.triggerStages,
        settings: {
          acceptedStages: willo.acceptedStages,
          rejectedStages: willo.rejectedStages,
          inviteExpiryMs: toMs(willo.inviteExpiry),
          reviewWaitMs: toMs(willo.reviewWait),
        },
      },
    }),
    ...(refty.enabled && { refty: { rules: refty.rules } }),
  };
}

/**
 * Willo and Refty act on stage changes. One short run per delivery (the id carries triggeredAt) confirms
 * the move with Lever and hands it on; a repeated delivery is a duplicate start, a re-entry a new run.
 */
const stageChangeHandoff: Planner = (verified, config) => {
  if (verified.event !== 'candidateStageChange' || !(config.willo.enabled || config.refty.enabled)) return [];
  const data = verified.data as LeverEventData<'candidateStageChange'>;
  return [
    startFor(config, data.opportunityId, {
      workflowType: 'stageChange',
      workflowId: workflowIds.stageChange(data.opportunityId, data.toStageId, verified.triggeredAt),
      input: stageChangeInput(data, verified.triggeredAt, config),
      integration: INTEGRATIONS.stageChange,
      status: 'checking',
    }),
  ];
};

/**
 * Refty: a new application on a covered posting joins the rule's sequence. `postingId` in `data` is
 * unconfirmed, so it only rules out postings no rule covers; the process confirms the posting with Lever.
 */
const reftySequence: Planner = (verified, config) => {
  if (verified.event !== 'applicationCreated' || !config.refty.enabled || config.refty.rules.length === 0) return [];
  const { opportunityId, postingId } = verified.data as LeverEventData<'applicationCreated'>;
  if (postingId !== undefined && !ruleForPosting(config.refty.rules, postingId)) return [];
  const input: ReftyInput = { opportunityId, rules: config.refty.rules };
  return [
    startFor(config, opportunityId, {
      workflowType: 'reftyReferences',
      workflowId: workflowIds.refty(opportunityId),
      input,
      integration: INTEGRATIONS.refty,
      status: 'checking',
    }),
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
    startFor(config, opportunityId, {
      workflowType: 'techInterviewStatusReport',
      workflowId: workflowIds.techInterviewStatus(opportunityId, verified.event, verified.triggeredAt),
      input,
      integration: INTEGRATIONS.techInterview,
    }),
  ];
};

/** One planner per concern; an integration adds its own here. */
const planners: Planner[] = [opportunityLifecycle, hrlogicsScreening, stageChangeHandoff, reftySequence, techInterviewReportBack];
