// POST /webhooks/<partner>: Standard Webhooks verification (the `standardwebhooks` package), body
// validation per callback type, then a signal. `webhook-id` travels with the signal: the workflow
// applies a given callback once however often the partner delivers it.
import type { Request, Response } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import { describeIssues } from '../lever/webhook';
import { HttpProblem, parseJson, requireJson } from './http-errors';
import type { SignalAction, StartAction, TemporalActions } from './temporal-actions';

export interface CallbackContext {
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

/** A route that validates the body with `schema` and signals `signal` to the workflow the body names. */
export function signalRoute<T>(schema: z.ZodType<T>, workflowIdOf: (body: T) => string, signal: string, argOf: (body: T, ctx: CallbackContext) => unknown): CallbackRoutes[string] {
  return {
    schema,
    toSignal: (body: T, ctx) => ({ kind: 'signal', workflowIds: [workflowIdOf(body)], signal, arg: argOf(body, ctx) }),
  };
}

export interface PartnerIngressDeps {
  partner: string;
  secret: string;
  routes: CallbackRoutes;
  actions: TemporalActions;
  /** Names the thing a 404 could not find ("screening"). */
  subject: string;
}

const typed = z.object({ type: z.string().min(1) });

export function partnerIngress({ partner, secret, routes, actions, subject }: PartnerIngressDeps) {
  const webhook = new Webhook(secret);
  return async (req: Request, res: Response): Promise<void> => {
    requireJson(req.headers['content-type']);
    const raw = (req.body as Buffer).toString('utf8');
    try {
      webhook.verify(raw, {
        'webhook-id': header(req, 'webhook-id'),
        'webhook-timestamp': header(req, 'webhook-timestamp'),
        'webhook-signature': header(req, 'webhook-signature'),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new HttpProblem(401, `${partner} signature rejected: ${error.message}`);
      throw error;
    }
    const body = parseJson(req.body as Buffer);
    const head = typed.safeParse(body);
    if (!head.success) throw new HttpProblem(400, `invalid ${partner} callback`, describeIssues(head.error));
    const route = routes[head.data.type];
    if (!route) {
      res.status(200).json({ status: 'ignored', reason: `callback type ${head.data.type} is not used` });
      return;
    }
    const parsed = route.schema.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, `invalid ${partner} ${head.data.type} callback`, describeIssues(parsed.error));
    const ctx = { webhookId: header(req, 'webhook-id') };
    if ('toStart' in route) {
      const action = route.toStart(parsed.data as never, ctx);
      if (!action) {
        res.status(200).json({ status: 'ignored', reason: `${partner} is switched off: no new process is started` });
        return;
      }
      const started = await actions.start(action);
      res.status(started.status === 'started' ? 202 : 200).json(started);
      return;
    }
    const outcome = await actions.signal(route.toSignal(parsed.data as never, ctx));
    if (outcome.status === 'not-found') throw new HttpProblem(404, `unknown ${subject}: no ${partner} process matches this callback`);
    res.status(200).json(outcome);
  };
}

function header(req: Request, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
