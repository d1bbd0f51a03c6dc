// The opportunity process (`opportunity/<id>`): every trigger about an opportunity (a Lever webhook, a
// sweep, a sync) signals it with "look again". It looks at once: reads the opportunity, lets each enabled
// integration decide from that snapshot (and, when it asks, the state of its own process), then starts or
// signals the integrations' per-opportunity processes with the snapshot, or carries out one-off effects.
// Triggers that arrive while a look is under way are merged into the next look (one read for all of them).
// Only a hire waits, briefly, for its pair: Lever sends candidateHired and candidateArchiveChange for the one
// action. It ends when nothing is pending; the next trigger starts a new run.
import {
  condition,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { IntegrationName } from '../integrations';
import { leverActivities, partnerActivities } from '../integrations/kit/activity-proxies';
import type { Decision, ProcessState } from '../integrations/kit/definition';
import { opportunityChangedSignal } from '../integrations/kit/messages';
import type { OpportunitySnapshot } from '../lever/snapshot';
import { SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import { integrationProcessId } from '../temporal/workflow-ids';
import type { OpportunityActivities } from './activities';
import { decideAll, decidersFor, MAX_DECISION_ROUNDS, type Decider } from './decide';
import {
  opportunityStateQuery,
  triggerSignal,
  type DecisionRecord,
  type OpportunityState,
  type Trigger,
  type TriggerSettings,
} from './messages';

export interface OpportunityInput {
  opportunityId: string;
  /**
   * Runs started before settings travelled with each trigger carried them here; a trigger's settings
   * (`Trigger.settings`) win.
   */
  settings?: Partial<Record<IntegrationName, unknown>>;
  /**
   * How long a candidateHired trigger waits for the candidateArchiveChange of the same hire, so that both
   * cost one read; 0: no wait. Every other trigger is acted on at once.
   */
  pairWindowMs: number;
}

const LOG_LIMIT = 50;

/**
 * Lever sends these two for one action (a hire is an archive with a hired-type reason), in either order and
 * with (nearly) the same `triggeredAt`: a read made for one has seen what the other announces.
 */
const PAIRED_EVENT: Readonly<Record<string, string>> = {
  candidateHired: 'candidateArchiveChange',
  candidateArchiveChange: 'candidateHired',
};

/** Whether `b` is the other webhook of the Lever action that sent `a`. */
function pairOf(a: Trigger, b: Trigger, windowMs: number): boolean {
  return (
    a.source === 'webhook' &&
    b.source === 'webhook' &&
    a.event !== undefined &&
    PAIRED_EVENT[a.event] === b.event &&
    Math.abs(a.at - b.at) <= windowMs
  );
}

export async function opportunityProcess(input: OpportunityInput): Promise<OpportunityState> {
  const { opportunityId } = input;
  const lever = leverActivities();
  const temporal = partnerActivities<OpportunityActivities>();
  const state: OpportunityState = { opportunityId, triggers: 0, duplicates: 0, paired: 0, reads: 0, integrations: {}, log: [] };
  const queue: Trigger[] = [];
  const handled = new Set<string>();
  /** The settings version of the look under way. */
  let version = 0;
  /** Webhook triggers that a read of Lever (made after they arrived) has answered in this run. */
  const read: Trigger[] = [];

  setHandler(triggerSignal, (trigger) => {
    state.triggers += 1;
    // A redelivered webhook (same event, same triggeredAt) within this run adds nothing to look at.
    const key = trigger.source === 'webhook' ? `${trigger.event}@${trigger.at}` : undefined;
    if (key !== undefined && handled.has(key)) {
      state.duplicates += 1;
      return;
    }
    if (key !== undefined) handled.add(key);
    // The other half of a hire whose read was already made after its first half arrived: that read saw it.
    if (read.some((r) => pairOf(r, trigger, input.pairWindowMs))) {
      state.paired += 1;
      return;
    }
    queue.push(trigger);
  });
  setHandler(opportunityStateQuery, () => ({ ...state }));

  // Signal-with-start delivers the first trigger before the first workflow task. The queue is checked
  // after the last await and before returning, so a trigger that races the end is never dropped: the
  // server refuses a completion while a new signal is pending, and the task runs again with it.
  while (queue.length > 0) {
    // A hire's first half waits (one timer, on hires only) for its other half, unless it is already here.
    if (input.pairWindowMs > 0 && queue.some(waitsForPair)) await condition(() => !queue.some(waitsForPair), input.pairWindowMs);
    await look(queue.splice(0));
  }
  return { ...state };

  function waitsForPair(trigger: Trigger): boolean {
    return trigger.event === 'candidateHired' && !queue.some((other) => pairOf(trigger, other, input.pairWindowMs));
  }

  async function look(triggers: Trigger[]): Promise<void> {
    const current = settingsOf(triggers);
    version = current.version;
    state.settingsVersion = current.version;
    for (const [name, missing] of Object.entries(current.notSetUp)) {
      if (triggers.some((t) => !t.only || t.only.includes(name))) record(name, 'nothing', `not set up: ${missing.join('; ')}`);
    }
    const deciders = decidersFor(current.settings, triggers);
    if (deciders.length === 0) return;
    const snapshot = await snapshotFor(triggers);
    const { decisions, processes } = await decideAll(snapshot, deciders, {
      lookup: (kind, live) => lever.leverRefreshLookup(kind, live),
      processes: async (names) => {
        const described = await temporal.describeProcesses(names.map((name) => integrationProcessId(name, opportunityId)));
        return Object.fromEntries(names.map((name) => [name, described[integrationProcessId(name, opportunityId)]]));
      },
    });
    // Independent of each other: started, signalled and performed together (one round trip, not one each).
    await Promise.all(deciders.map((decider) => carryOut(decider, decisions.get(decider.name)!, snapshot, processes)));
  }

  /** The settings of the newest trigger that carries them (the latest the API knew), else the run's input. */
  function settingsOf(triggers: Trigger[]): TriggerSettings {
    const carried = triggers.map((t) => t.settings).filter((s): s is TriggerSettings => s !== undefined);
    if (carried.length > 0) return carried.reduce((a, b) => (b.version >= a.version ? b : a));
    return { version: 0, settings: input.settings ?? {}, notSetUp: {} };
  }

  /** The newest snapshot a sweep or backfill handed over, else one read of Lever. */
  async function snapshotFor(triggers: Trigger[]): Promise<OpportunitySnapshot> {
    const given = triggers.map((t) => t.snapshot).filter((s): s is OpportunitySnapshot => s !== undefined);
    if (given.length > 0) return given.reduce((a, b) => (b.readAt > a.readAt ? b : a));
    state.reads += 1;
    read.push(...triggers.filter((t) => t.source === 'webhook'));
    return (await lever.leverReadOpportunity(opportunityId)).snapshot;
  }

  async function carryOut(
    { name, driven, settings, actOnFactsSince }: Decider,
    decision: Decision<unknown>,
    snapshot: OpportunitySnapshot,
    processes: Record<string, ProcessState>,
  ): Promise<void> {
    const workflowId = integrationProcessId(name, opportunityId);
    switch (decision.kind) {
      case 'nothing':
        return record(name, 'nothing', decision.reason);
      case 'need':
        return record(name, 'undecided', `still needed ${decision.needs.join(', ')} after ${MAX_DECISION_ROUNDS} rounds`);
      case 'start': {
        if (snapshot.deleted || !driven.process)
          return record(name, 'nothing', `cannot start: ${snapshot.deleted ? 'deleted' : 'no process'}`);
        if (processes[name]?.state === 'running') return deliver();
        try {
          await startChild(driven.process.workflow, {
            workflowId,
            args: [{ opportunityId, snapshot, settings, actOnFactsSince }],
            // The process outlives this short run; a process that has ended may be started again when a
            // decision calls for it, and the facts' keys keep it from repeating what the last run did.
            parentClosePolicy: ParentClosePolicy.ABANDON,
            workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
            typedSearchAttributes: [
              { key: SEARCH_ATTRIBUTES.opportunityId, value: opportunityId },
              { key: SEARCH_ATTRIBUTES.integration, value: name },
              { key: SEARCH_ATTRIBUTES.status, value: 'starting' },
            ],
          });
          return record(name, 'start', `${decision.reason}: started ${workflowId}`);
        } catch (error) {
          // The SDK's error class is not importable in workflow code; its name is stable.
          if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
          return deliver();
        }
      }
      case 'deliver':
        return deliver();
      case 'perform': {
        if (snapshot.deleted || !driven.perform) return record(name, 'nothing', 'nothing to perform on a deleted opportunity');
        const done = await driven.perform(decision.effect, { opportunityId, snapshot, settings });
        return record(name, 'perform', `${decision.reason}: ${done}`);
      }
    }

    async function deliver(): Promise<void> {
      const reason = decision.kind === 'nothing' || decision.kind === 'need' ? '' : decision.reason;
      try {
        await getExternalWorkflowHandle(workflowId).signal(opportunityChangedSignal, { snapshot, actOnFactsSince });
        return record(name, 'deliver', `${reason}: handed to ${workflowId}`);
      } catch {
        // It ended between the look at its state and the signal: what it ended for was its own doing.
        return record(name, 'nothing', `${reason}: ${workflowId} had just ended`);
      }
    }
  }

  function record(integration: string, decision: DecisionRecord['decision'], reason: string): void {
    const entry: DecisionRecord = { integration, decision, reason, at: Date.now(), settingsVersion: version };
    state.integrations[integration] = entry;
    state.log.push(entry);
    if (state.log.length > LOG_LIMIT) state.log.shift();
  }
}
