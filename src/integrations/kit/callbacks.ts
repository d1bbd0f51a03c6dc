// What a partner callback turns into: the start of a process keyed by a business id, or a signal to the
// process it names (or that carries the partner's own key in a search attribute). Typed by the workflow
// function and the signal definition, never by a string name; the API's TemporalActions carries them out
// and maps Temporal's answers to HTTP.
import type { SearchAttributePair } from '@temporalio/common';
import type { SignalDefinition, Workflow } from '@temporalio/workflow';
import { z } from 'zod';

export interface StartAction<W extends Workflow = Workflow> {
  kind: 'start';
  workflow: W;
  workflowId: string;
  args: Parameters<W>;
  searchAttributes: SearchAttributePair[];
  /**
   * Default: a second start of the id is a duplicate, even after the first finished. `join-running`: a
   * start while one runs joins it (same run id); once it has finished, a new run starts.
   */
  onConflict?: 'join-running';
}

/**
 * The processes a callback is for: named by workflow id (every id is tried; ids with no running process
 * are skipped), or found by a keyword search attribute that the process set to the partner's key, when
 * the callback names nothing of ours (a visibility query: eventually consistent, so a process that set it
 * a moment ago may not be found yet; the 404 makes the partner retry).
 */
export type SignalTarget = { workflowIds: string[] } | { searchAttribute: KeywordKey; value: string };

/** The key of a search attribute whose values are strings (Keyword). */
type KeywordKey = Extract<SearchAttributePair, { value: string }>['key'];

export interface SignalAction<A = unknown> {
  kind: 'signal';
  target: SignalTarget;
  signal: SignalDefinition<[A]>;
  arg: A;
}

/**
 * An id a partner sends that ends up in a workflow id, a signal or a path: the same rule as Lever's ids
 * (printable ASCII without spaces, at most 200), so it is defined once, there.
 */
export { leverId as opaqueId } from '../../lever/webhook';

/**
 * An id that also ends up in a Lever tag (`Wintro:Referral <id>`) or in a visibility query (a search
 * attribute value): letters, digits, `.`, `_`, `:` and `-` only, so it never needs quoting.
 */
export const plainId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/, 'must be an opaque id (letters, digits, . _ : -)');

/**
 * One valid body of a callback type, with the paths of its ids: what the ingress and fuzz tests start from
 * when they break one field at a time. Declared beside the routes, so a new integration is tested as soon
 * as it is in the registry.
 */
export interface CallbackSample {
  body: { type: string } & Record<string, unknown>;
  /** Fields that are ids (end up in workflow ids, signals, Lever paths or tags). */
  ids: string[];
}

export interface CallbackContext {
  /** The callback's `webhook-id`: the dedupe key. */
  webhookId: string;
}

/**
 * One entry per callback `type` the partner sends; types not listed are acknowledged and ignored. A
 * callback either wakes a running process (`toSignal`) or starts one keyed by its business id (`toStart`).
 */
export type CallbackRoutes = Record<
  string,
  | { schema: z.ZodType; toSignal: (body: never, ctx: CallbackContext) => SignalAction }
  /** Undefined: the integration is switched off, so no new process starts. */
  | { schema: z.ZodType; toStart: (body: never, ctx: CallbackContext) => StartAction | undefined }
>;

/** A start checked against the workflow's own parameters. */
export function startAction<W extends Workflow>(workflow: W, options: Omit<StartAction<W>, 'kind' | 'workflow'>): StartAction {
  return { kind: 'start', workflow, ...options } as StartAction;
}

/** A signal checked against the definition's argument. */
export function signalAction<A>(signal: SignalDefinition<[A]>, target: SignalTarget, arg: A): SignalAction {
  return { kind: 'signal', target, signal, arg } as SignalAction;
}

/**
 * A route that validates the body with `schema` and signals `signal` to the process the body names: its
 * workflow id, or a search attribute value that finds it.
 */
export function signalRoute<T, A>(
  schema: z.ZodType<T>,
  targetOf: (body: T) => string | SignalTarget,
  signal: SignalDefinition<[A]>,
  argOf: (body: T, ctx: CallbackContext) => A,
): CallbackRoutes[string] {
  return {
    schema,
    toSignal: (body: T, ctx) => {
      const target = targetOf(body);
      return signalAction(signal, typeof target === 'string' ? { workflowIds: [target] } : target, argOf(body, ctx));
    },
  };
}
