// What a partner callback turns into: the start of a process keyed by a business id, or a signal to the
// process it names. Typed by the workflow function and the signal definition, never by a string name;
// the API's TemporalActions carries them out and maps Temporal's answers to HTTP.
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

export interface SignalAction<A = unknown> {
  kind: 'signal';
  /** Every id is tried; ids with no running process are skipped. */
  workflowIds: string[];
  signal: SignalDefinition<[A]>;
  arg: A;
}

/**
 * An id a partner sends that ends up in a workflow id, a signal or a path: printable ASCII without spaces.
 * Control characters or lone surrogates would be refused by Temporal later; here they get a 400 naming the field.
 */
export const opaqueId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7E]+$/, 'must be an opaque id of printable ASCII characters');

/** An id that also ends up in a Lever tag (`Wintro:Referral <id>`): letters, digits, `.`, `_`, `:` and `-` only. */
export const tagSafeId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/, 'must be an opaque id (letters, digits, . _ : -)');

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
export function signalAction<A>(signal: SignalDefinition<[A]>, workflowIds: string[], arg: A): SignalAction {
  return { kind: 'signal', workflowIds, signal, arg } as SignalAction;
}

/** A route that validates the body with `schema` and signals `signal` to the workflow the body names. */
export function signalRoute<T, A>(
  schema: z.ZodType<T>,
  workflowIdOf: (body: T) => string,
  signal: SignalDefinition<[A]>,
  argOf: (body: T, ctx: CallbackContext) => A,
): CallbackRoutes[string] {
  return {
    schema,
    toSignal: (body: T, ctx) => signalAction(signal, [workflowIdOf(body)], argOf(body, ctx)),
  };
}
