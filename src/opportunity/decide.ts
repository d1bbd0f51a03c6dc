// Letting every integration decide about one snapshot: which integrations a batch of triggers concerns
// (and from which moment facts are news for each), and the rounds of decisions that answer what they ask
// for (a lookup, the state of their process). Shared by the opportunity process, which answers through
// activities, and a backfill's dry run, which answers directly; so a dry run counts exactly what a real
// run would do. Workflow-safe.
import { integrations, type IntegrationName } from '../integrations';
import type { Decision, IntegrationDefinition, Need, OpportunityDriven, ProcessState } from '../integrations/kit/definition';
import type { LiveOpportunity, LookupKind, OpportunitySnapshot, SnapshotLookups } from '../lever/snapshot';
import type { Trigger } from './messages';

/** Decisions that still need something after this many rounds are recorded as undecided. */
export const MAX_DECISION_ROUNDS = 3;

const LOOKUPS: readonly LookupKind[] = ['stageName', 'hired', 'postingTags'];

export interface Decider {
  name: string;
  driven: OpportunityDriven<unknown, unknown>;
  settings: unknown;
  /** The earliest moment from which facts are news for this integration, over the triggers that concern it. */
  actOnFactsSince: number;
}

/**
 * The enabled integrations that a batch of triggers concerns: a trigger with `only` concerns those
 * integrations, any other trigger all of them. Each gets the earliest `actOnFactsSince` of its triggers.
 */
export function decidersFor(settings: Partial<Record<IntegrationName, unknown>>, triggers: readonly Trigger[]): Decider[] {
  return (Object.entries(integrations) as [IntegrationName, IntegrationDefinition][]).flatMap(([key, definition]) => {
    if (!definition.opportunity || settings[key] === undefined) return [];
    const concerning = triggers.filter((t) => !t.only || t.only.includes(definition.name));
    if (concerning.length === 0) return [];
    return [
      {
        name: definition.name,
        driven: definition.opportunity,
        settings: settings[key],
        actOnFactsSince: Math.min(...concerning.map((t) => t.actOnFactsSince)),
      },
    ];
  });
}

/** How the caller answers what decisions ask for. */
export interface NeedAnswers {
  /** One kind of reference data for this opportunity (one Lever request at most). */
  lookup(kind: LookupKind, snapshot: LiveOpportunity): Promise<SnapshotLookups>;
  /** The state of these integrations' processes for this opportunity, by integration name. */
  processes(names: string[]): Promise<Record<string, ProcessState>>;
}

export interface Decided {
  decisions: Map<string, Decision<unknown>>;
  /** The process states that were asked for, by integration name. */
  processes: Record<string, ProcessState>;
}

/** Every decider's decision about `snapshot`, rounds of needs answered in between. Fills `snapshot.lookups`. */
export async function decideAll(snapshot: OpportunitySnapshot, deciders: readonly Decider[], answers: NeedAnswers): Promise<Decided> {
  const decisions = new Map<string, Decision<unknown>>();
  const processes: Record<string, ProcessState> = {};
  let pending = [...deciders];
  for (let round = 0; round < MAX_DECISION_ROUNDS && pending.length > 0; round++) {
    const needs = new Map<string, Need[]>();
    for (const { name, driven, settings, actOnFactsSince } of pending) {
      const decision = driven.decide({ snapshot, settings, actOnFactsSince, ...(processes[name] ? { process: processes[name] } : {}) });
      decisions.set(name, decision);
      if (decision.kind === 'need') needs.set(name, decision.needs);
    }
    pending = pending.filter((d) => needs.has(d.name));
    if (pending.length === 0) break;
    const all = new Set([...needs.values()].flat());
    const live = snapshot.deleted ? undefined : snapshot;
    const lookups = live ? LOOKUPS.filter((kind) => all.has(kind) && live.lookups[kind] === undefined) : [];
    // Once any decision asks for its process, every pending decider's process is described with it, so a
    // decision that asks for its process only after a lookup finds it there: one describe per look, not
    // one per round.
    const asked = [...needs.entries()].some(([name, list]) => list.includes('process') && !processes[name]);
    const described = asked
      ? pending
          .filter(({ name, driven }) => !processes[name] && (driven.process || needs.get(name)!.includes('process')))
          .map((d) => d.name)
      : [];
    // What one round needs is asked for together: one round trip, not one per lookup.
    const [found, states] = await Promise.all([
      Promise.all(lookups.map((kind) => answers.lookup(kind, live!))),
      described.length > 0 ? answers.processes(described) : Promise.resolve({}),
    ]);
    for (const answer of found) Object.assign(live!.lookups, answer);
    Object.assign(processes, states);
  }
  return { decisions, processes };
}
