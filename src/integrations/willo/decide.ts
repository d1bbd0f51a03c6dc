// Whether Willo has anything to do about an opportunity, from one snapshot. Pure.
//
// An entry into a trigger stage (new, on a posting linked to a Willo interview, with an email) invites,
// once per candidate: the interview process is started, or, when it runs, handed the snapshot (it records
// the entry and sends nothing). Archived or deleted: the running process is told, so it can withdraw.
// A new entry that cannot invite (no interview tag, no email) starts it too when stop notes are on: it
// says so in Lever, once; its end ('no-interview', 'no-email') is the memory that keeps it from repeating.
import type { LiveOpportunity } from '../../lever/snapshot';
import { decideWhenClosed, decision, isNews, type Decision, type DecisionInput } from '../kit/definition';
import { WILLO_RESTARTABLE, type WilloSettings, type WilloStatus } from './messages';
import { willoInterviewTitles } from './tags';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Interview titles from the opportunity's tags, else its posting's (opportunities copy them only when created). */
export function interviewTitles(snapshot: LiveOpportunity, account: string): string[] {
  const own = willoInterviewTitles(snapshot.tags, account);
  return own.length > 0 ? own : willoInterviewTitles(snapshot.lookups.postingTags ?? [], account);
}

/** Why a new entry into a trigger stage cannot invite, if it cannot: the status the process ends with. */
function cannotInvite(snapshot: LiveOpportunity, account: string): { status: WilloStatus; reason: string } | undefined {
  if (interviewTitles(snapshot, account).length === 0) {
    return {
      status: 'no-interview',
      reason: `no invite: neither the opportunity nor its posting has a Willo:<Interview>-${account} (or Willo:<Interview>:${account}) tag`,
    };
  }
  if (!snapshot.contact) return { status: 'no-email', reason: 'no invite: no email on the opportunity' };
  return undefined;
}

export function decideWillo(input: DecisionInput<WilloSettings>): Decision {
  const { snapshot, settings, process } = input;
  const closed = decideWhenClosed(input, 'interview');
  if (closed || snapshot.deleted) return closed ?? decision.nothing('deleted in Lever');
  if (!settings.triggerStages.includes(snapshot.stage.stageId)) {
    // A configured stage is an id or a name; the name comes from the worker's cache.
    const name = snapshot.lookups.stageName;
    if (name === undefined) return decision.need('stageName');
    if (!settings.triggerStages.some((ref) => same(ref, name))) return decision.nothing('not a Willo trigger stage');
  }
  if (!isNews(snapshot.stage.enteredAt, input)) return decision.nothing('entered this trigger stage before this trigger: not news');
  if (
    willoInterviewTitles(snapshot.tags, settings.account).length === 0 &&
    snapshot.postingId &&
    snapshot.lookups.postingTags === undefined
  ) {
    return decision.need('postingTags');
  }
  const stop = cannotInvite(snapshot, settings.account);
  if (stop && !settings.stopNotes) return decision.nothing(stop.reason);
  if (!process) return decision.need('process');
  if (process.state === 'running') return decision.deliver('entered a trigger stage again: recorded, no second invite');
  if (process.state === 'closed' && !WILLO_RESTARTABLE.includes(process.status as WilloStatus)) {
    return decision.nothing(`invited before (${process.status ?? 'ended'}): one invite per candidate`);
  }
  if (stop) {
    if (process.state === 'closed' && process.status === stop.status) return decision.nothing(`${stop.reason} (noted in Lever before)`);
    return decision.start(`${stop.reason}: the interview process notes it in Lever`);
  }
  return decision.start('entered a Willo trigger stage');
}
