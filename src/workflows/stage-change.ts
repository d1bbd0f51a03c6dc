// One Lever stage change: confirm it against Lever, then hand it to the integrations that act on that
// stage. Lever signs only token + triggeredAt, so `data` (opportunity, stage) is a claim: nothing is sent
// unless the opportunity's own stage history has an entry into that stage at that time.
import { getExternalWorkflowHandle, startChild, upsertSearchAttributes, type SignalDefinition } from '@temporalio/workflow';
import type { LeverActivities } from '../activities';
import { willoInterviewTitles } from '../lever/tags';
import { INTEGRATIONS, SEARCH_ATTRIBUTES } from '../search-attributes';
import { workflowIds } from '../workflow-ids';
import { isNotFound, leverActivities, partnerActivities } from './activity-proxies';
import { reftyStepRequestedSignal, type ReftyStepRequested } from './refty-messages';
import { ruleForPosting, type ReftyRule } from './refty-rules';
import { reftyReferences } from './refty';
import { willoInterview, type WilloSettings } from './willo';
import { willoStageEnteredSignal } from './willo-messages';

/** Lever's stage history and the webhook's triggeredAt come from different clocks and moments. */
export const STAGE_CHANGE_TOLERANCE_MS = 5 * 60_000;

export interface StageChangeInput {
  opportunityId: string;
  toStageId: string;
  triggeredAt: number;
  /** Present when Willo is enabled. */
  willo?: { account: string; triggerStages: string[]; settings: WilloSettings };
  /** Present when Refty is enabled. */
  refty?: { rules: ReftyRule[] };
}

export interface StageChangeOutcome {
  confirmed: boolean;
  /** Why nothing was handed on, when nothing was. */
  reason?: string;
  /** What was done for each integration, or why nothing. */
  willo?: string;
  refty?: string;
}

type Handoff = 'started' | 'signalled' | 'closed';

export async function stageChange(input: StageChangeInput): Promise<StageChangeOutcome> {
  const { opportunityId, toStageId, triggeredAt } = input;
  const lever = leverActivities();
  const status = (value: string) => upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value }]);

  let facts: Awaited<ReturnType<LeverActivities['leverReadStageEntries']>>;
  try {
    facts = await lever.leverReadStageEntries(opportunityId, toStageId);
  } catch (error) {
    if (isNotFound(error)) return done(false, 'not-found', 'the opportunity does not exist in Lever');
    throw error;
  }
  if (!facts.enteredAt.some((at) => Math.abs(at - triggeredAt) <= STAGE_CHANGE_TOLERANCE_MS)) {
    return done(false, 'unconfirmed', `Lever's stage history has no entry into ${toStageId} at ${new Date(triggeredAt).toISOString()}`);
  }
  if (facts.archived) return done(true, 'archived', 'the opportunity is archived');

  let stageName: string | undefined;
  /** A configured stage is an id or a name; the name is read from Lever only when an id does not match. */
  const isStage = async (refs: readonly string[]) => {
    if (refs.includes(toStageId)) return true;
    if (refs.length === 0) return false;
    stageName ??= (await lever.leverStageName(toStageId)).trim().toLowerCase();
    return refs.some((ref) => ref.trim().toLowerCase() === stageName);
  };

  const outcome: StageChangeOutcome = { confirmed: true };
  if (input.willo) outcome.willo = await handToWillo(input.willo);
  if (input.refty) outcome.refty = await handToRefty(input.refty.rules);
  status('handled');
  return outcome;

  function done(confirmed: boolean, value: string, reason: string): StageChangeOutcome {
    status(value);
    return { confirmed, reason };
  }

  async function handToWillo(willo: NonNullable<StageChangeInput['willo']>): Promise<string> {
    if (!(await isStage(willo.triggerStages))) return 'not a Willo trigger stage';
    let titles = willoInterviewTitles(facts.tags, willo.account);
    // Opportunities inherit the posting's tags when created; a tag added to the posting later is only there.
    if (titles.length === 0 && facts.postingId) titles = willoInterviewTitles(await lever.leverPostingTags(facts.postingId), willo.account);
    if (titles.length === 0) return `no invite: neither the opportunity nor its posting has a Willo:<Interview>-${willo.account} tag`;
    const catalogue = await partnerActivities().willoListInterviews();
    const interview = titles.map((title) => catalogue.find((i) => i.title === title)).find((i) => i !== undefined);
    if (!interview) return `no invite: Willo has no interview titled ${titles.map((t) => JSON.stringify(t)).join(' or ')}`;
    const handoff = await startOrSignal(
      'willoInterview',
      workflowIds.willo(opportunityId),
      [{ opportunityId, interview, settings: willo.settings }] satisfies Parameters<typeof willoInterview>,
      INTEGRATIONS.willo,
      [[willoStageEnteredSignal, { stageId: toStageId, triggeredAt }]],
    );
    return {
      started: `invite to interview ${interview.key} handed to ${workflowIds.willo(opportunityId)}`,
      signalled: 'the Willo process was already running: recorded there, no second invite',
      closed: 'the Willo process has already finished: no second invite',
    }[handoff];
  }

  async function handToRefty(rules: ReftyRule[]): Promise<string> {
    const rule = ruleForPosting(rules, facts.postingId);
    if (!rule) return 'the posting is not covered by a Refty rule';
    const requests: ReftyStepRequested[] = [];
    for (const step of rule.steps) if (await isStage([step.stage])) requests.push({ stepId: step.stepId, triggeredAt });
    if (requests.length === 0) return 'no Refty step is linked to this stage';
    const handoff = await startOrSignal(
      'reftyReferences',
      workflowIds.refty(opportunityId),
      [{ opportunityId, rules, requests }] satisfies Parameters<typeof reftyReferences>,
      INTEGRATIONS.refty,
      requests.map((request) => [reftyStepRequestedSignal, request] as const),
    );
    const steps = requests.map((r) => r.stepId).join(', ');
    return handoff === 'closed' ? `the Refty process has already finished: ${steps} not requested` : `${steps} requested from ${workflowIds.refty(opportunityId)}`;
  }

  /**
   * Starts the opportunity's process, or signals it when it already runs. The child is abandoned (it
   * outlives this short run) and its id is never reused, so a finished process is not started again.
   */
  async function startOrSignal<A>(
    workflowType: string,
    workflowId: string,
    args: unknown[],
    integration: string,
    signals: (readonly [SignalDefinition<[A]>, A])[],
  ): Promise<Handoff> {
    try {
      await startChild(workflowType, {
        workflowId,
        args,
        parentClosePolicy: 'ABANDON',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.opportunityId, value: opportunityId },
          { key: SEARCH_ATTRIBUTES.integration, value: integration },
          { key: SEARCH_ATTRIBUTES.status, value: 'checking' },
        ],
      });
      return 'started';
    } catch (error) {
      // The SDK's error class is not importable in workflow code; its name is stable.
      if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
    }
    try {
      const handle = getExternalWorkflowHandle(workflowId);
      for (const [signal, arg] of signals) await handle.signal(signal, arg);
      return 'signalled';
    } catch {
      return 'closed';
    }
  }
}
