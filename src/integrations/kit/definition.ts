// What an integration is, as the rest of the relay sees it. The definition (this file's types) is
// workflow-safe: the opportunity process runs its `decide` and starts its process inside a workflow. Everything
// that needs Node (configuration, HTTP clients, activities, callback routes, simulator, demo) sits behind
// `server()`, which workflow code never calls and the workflow bundle leaves out (src/temporal/bundle.ts).
import type { Workflow } from '@temporalio/workflow';
import type { LiveOpportunity, LookupKind, OpportunitySnapshot } from '../../lever/snapshot';
import type { IntegrationServer } from './server';

/** What the opportunity process knows of an integration's per-opportunity process (`<name>/<opportunityId>`). */
export type ProcessState =
  | { state: 'none' }
  | { state: 'running'; status?: string }
  /** The latest run has ended; `status` is its last `RelayStatus`. */
  | { state: 'closed'; status?: string };

export interface DecisionInput<S> {
  snapshot: OpportunitySnapshot;
  settings: S;
  /**
   * Facts (an application, a stage entry, a hire) older than this are history, not news: nothing is started
   * for them. A webhook says "now"; a manual sync says 0, "whatever its age".
   */
  actOnFactsSince: number;
  /** The integration's process, once a decision has asked for it with `need('process')`. */
  process?: ProcessState;
}

/** What a decision may ask for before it can decide: reference data, or the state of its process. */
export type Need = LookupKind | 'process';

export type Decision<E = never> =
  | { kind: 'nothing'; reason: string }
  | { kind: 'need'; needs: Need[] }
  /** Start the integration's per-opportunity process with this snapshot. */
  | { kind: 'start'; reason: string }
  /** Hand the snapshot to the integration's running process. */
  | { kind: 'deliver'; reason: string }
  /** A one-off effect, carried out by the integration's `perform` inside the opportunity process. */
  | { kind: 'perform'; reason: string; effect: E };

/** The input of every per-opportunity process. */
export interface ProcessInput<S, C = never> {
  opportunityId: string;
  snapshot: LiveOpportunity;
  settings: S;
  actOnFactsSince: number;
  /** State handed over by continue-as-new. */
  carried?: C;
}

export interface OpportunityDriven<S, E> {
  /** Pure: from the snapshot (and, when it asked, its process's state) to what should happen. */
  decide(input: DecisionInput<S>): Decision<E>;
  /** The long-lived process it keeps per opportunity, if any. */
  process?: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    workflow: (input: ProcessInput<S, any>) => Promise<unknown>;
  };
  /** Carries out a `perform` decision (inside the opportunity process); returns what was done. */
  perform?(effect: E, context: { opportunityId: string; snapshot: LiveOpportunity; settings: S }): Promise<string>;
}

export interface IntegrationDefinition<S = unknown, E = unknown> {
  /** `hrlogics`: RelayIntegration value, workflow id prefix, callback and simulator path. */
  name: string;
  /** `HRLogics`: how people call the partner. */
  title: string;
  /** Every workflow type it runs; the worker registers them. */
  workflows: Record<string, Workflow>;
  /** Present when Lever opportunities drive it (a trigger about an opportunity asks it to decide). */
  opportunity?: OpportunityDriven<S, E>;
  /** The Node side. Never called from workflow code. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  server(): IntegrationServer<any, S>;
}

export const decision = {
  nothing: (reason: string) => ({ kind: 'nothing', reason }) as const,
  need: (...needs: Need[]) => ({ kind: 'need', needs }) as const,
  start: (reason: string) => ({ kind: 'start', reason }) as const,
  deliver: (reason: string) => ({ kind: 'deliver', reason }) as const,
  perform: <E>(reason: string, effect: E) => ({ kind: 'perform', reason, effect }) as const,
};

/** Whether a fact that happened at `at` is news for this decision. */
export function isNews(at: number, input: { actOnFactsSince: number }): boolean {
  return at >= input.actOnFactsSince;
}

/**
 * Deleted or archived: what matters is only whether the integration's process runs (it is handed the
 * snapshot, so it can withdraw or cancel); nothing new starts. Undefined for an open opportunity.
 */
export function decideWhenClosed<S>(input: DecisionInput<S>, what: string): Decision | undefined {
  const { snapshot, process } = input;
  if (!snapshot.deleted && !snapshot.archived) return undefined;
  if (!process) return decision.need('process');
  const state = snapshot.deleted ? 'deleted in Lever' : 'archived';
  return process.state === 'running' ? decision.deliver(state) : decision.nothing(`${state}; no ${what} runs`);
}
