// Whether Refty has anything to do about an opportunity, from one snapshot. Pure.
//
// A new application on a covered posting joins the rule's sequence; a new entry into the stage linked to
// a step requests that step (entering it again later is a new entry and requests again). The sequence
// process is started for either, or handed the snapshot while it runs; archived or deleted, it is told,
// so it can cancel what is open. A process that has ended (archived) is started again by the next news.
import type { LiveOpportunity } from '../../lever/snapshot';
import { decideWhenClosed, decision, isNews, type Decision, type DecisionInput } from '../kit/definition';
import type { ReftySettings } from './messages';
import { ruleForPosting, stepForStage, type ReftyRule, type ReftyStep } from './rules';

/** The step the opportunity's current stage entry requests, if that entry is news. */
export function stepEntered(rule: ReftyRule, snapshot: LiveOpportunity, since: number): ReftyStep | undefined {
  const { step } = stepForStage(rule, snapshot.stage.stageId, snapshot.lookups.stageName);
  return step && isNews(snapshot.stage.enteredAt, { actOnFactsSince: since }) ? step : undefined;
}

export function decideRefty(input: DecisionInput<ReftySettings>): Decision {
  const { snapshot, settings, process } = input;
  const closed = decideWhenClosed(input, 'sequence');
  if (closed || snapshot.deleted) return closed ?? decision.nothing('deleted in Lever');
  const rule = ruleForPosting(settings.rules, snapshot.postingId);
  if (!rule) return decision.nothing('the posting is not covered by a Refty rule');
  if (stepForStage(rule, snapshot.stage.stageId, snapshot.lookups.stageName).needsName) return decision.need('stageName');
  const step = stepEntered(rule, snapshot, input.actOnFactsSince);
  const newApplication = snapshot.application !== undefined && isNews(snapshot.application.createdAt, input);
  if (!step && !newApplication) return decision.nothing('no new application and no new entry into a step stage');
  if (!process) return decision.need('process');
  if (process.state === 'running')
    return step ? decision.deliver(`entered the ${step.name} stage`) : decision.nothing('already in the sequence');
  return decision.start(step ? `entered the ${step.name} stage` : 'a new application on a covered posting');
}
