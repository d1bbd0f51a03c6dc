// Whether Refty has anything to do about an opportunity, from one snapshot. Pure.
//
// A new application on a covered posting joins the rule's sequence; a new entry into the stage linked to
// a step requests that step (entering it again later is a new entry and requests again). The sequence
// process is started for either, or handed the snapshot while it runs; archived or deleted, it is told,
// so it can cancel what is open. A process that has ended (archived) is started again by the next news.
// A new entry into a stage some rule links to a step, on a posting no rule covers, starts it too when
// stop notes are on: it says so in Lever once, and its end ('not-covered') keeps it from repeating.
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
  if (!rule) return decideUncovered(input, snapshot);
  if (stepForStage(rule, snapshot.stage.stageId, snapshot.lookups.stageName).needsName) return decision.need('stageName');
  const step = stepEntered(rule, snapshot, input.actOnFactsSince);
  const newApplication = snapshot.application !== undefined && isNews(snapshot.application.createdAt, input);
  if (!step && !newApplication) return decision.nothing('no new application and no new entry into a step stage');
  if (!process) return decision.need('process');
  if (process.state === 'running')
    return step ? decision.deliver(`entered the ${step.name} stage`) : decision.nothing('already in the sequence');
  return decision.start(step ? `entered the ${step.name} stage` : 'a new application on a covered posting');
}

const NOT_COVERED = 'the posting is not covered by a Refty rule';

/** A posting no rule covers: nothing, unless a step's stage was newly entered and stop notes are on. */
function decideUncovered(input: DecisionInput<ReftySettings>, snapshot: LiveOpportunity): Decision {
  const { settings, process } = input;
  if (!settings.stopNotes) return decision.nothing(NOT_COVERED);
  const linked = settings.rules.map((rule) => stepForStage(rule, snapshot.stage.stageId, snapshot.lookups.stageName));
  const step = linked.find((l) => l.step)?.step;
  if (!step && linked.some((l) => l.needsName)) return decision.need('stageName');
  if (!step || !isNews(snapshot.stage.enteredAt, input)) return decision.nothing(NOT_COVERED);
  if (!process) return decision.need('process');
  if (process.state === 'running') return decision.nothing(NOT_COVERED);
  if (process.state === 'closed' && process.status === 'not-covered') return decision.nothing(`${NOT_COVERED} (noted in Lever before)`);
  return decision.start(`entered a stage Refty links to the ${step.name} step, but ${NOT_COVERED}: the sequence process notes it in Lever`);
}
