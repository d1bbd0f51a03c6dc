// Which process a verified Lever event starts or wakes. Pure: no I/O, so every rule is unit-testable.
import ms from 'ms';
import type { Config } from '../config';
import type { HandledLeverEvent, LeverEventData } from '../lever/webhook';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from '../search-attributes';
import { taskQueues } from '../task-queues';
import { opportunityProcessIds, workflowIds } from '../workflow-ids';
import { candidateHiredSignal, opportunityClosedSignal, type OpportunityEventSignal } from '../workflows/opportunity-messages';
import type { WotcInput } from '../workflows/wotc';
import type { SignalAction, StartAction } from './temporal-actions';

export type LeverPlan = { kind: 'ignore'; reason: string } | StartAction | SignalAction;

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

export function planLeverEvent(verified: VerifiedLeverEvent, config: Pick<Config, 'hrlogics' | 'temporal'>): LeverPlan {
  const { opportunityId } = verified.data;
  const signalArg = (event: OpportunityEventSignal['event']): OpportunityEventSignal => ({ event, triggeredAt: verified.triggeredAt });
  switch (verified.event) {
    case 'applicationCreated':
      if (!config.hrlogics.enabled) return { kind: 'ignore', reason: 'no enabled integration acts on applicationCreated' };
      return {
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
      };
    case 'candidateHired':
      return { kind: 'signal', workflowIds: opportunityProcessIds(opportunityId), signal: candidateHiredSignal.name, arg: signalArg('candidateHired') };
    case 'candidateArchiveChange': {
      const data = verified.data as LeverEventData<'candidateArchiveChange'>;
      if (!data.toArchived) return { kind: 'ignore', reason: 'the candidate was unarchived' };
      return { kind: 'signal', workflowIds: opportunityProcessIds(opportunityId), signal: opportunityClosedSignal.name, arg: signalArg('candidateArchiveChange') };
    }
    case 'candidateDeleted':
      return { kind: 'signal', workflowIds: opportunityProcessIds(opportunityId), signal: opportunityClosedSignal.name, arg: signalArg('candidateDeleted') };
    case 'candidateStageChange':
      return { kind: 'ignore', reason: 'no enabled integration acts on candidateStageChange' };
  }
}
