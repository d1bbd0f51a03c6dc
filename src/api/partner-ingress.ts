// POST /webhooks/<partner>: Standard Webhooks verification (the `standardwebhooks` package), body
// validation per callback type, then a signal. `webhook-id` travels with the signal: the workflow
// applies a given callback once however often the partner delivers it.
import type { Request, Response } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import { HttpProblem, describeIssues, parseJson, requireJson } from '../http/problems';
import { opaqueId, type CallbackRoutes } from '../integrations/kit/callbacks';
import type { TemporalActions } from './temporal-actions';

export interface PartnerIngressDeps {
  partner: string;
  secret: string;
  /** The routes under the settings in force (an integration switched off in the console starts nothing new). */
  routes: () => CallbackRoutes;
  actions: TemporalActions;
  /** Names the thing a 404 could not find ("screening"). */
  subject: string;
  /** Told of each callback refused for a bad signature (the issues count them per partner). */
  onBadSignature?: () => void;
}

const typed = z.object({ type: z.string().min(1) });

export function partnerIngress({ partner, secret, routes, actions, subject, onBadSignature }: PartnerIngressDeps) {
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
      if (error instanceof WebhookVerificationError) {
        onBadSignature?.();
        throw new HttpProblem(401, `${partner} signature rejected: ${error.message}`);
      }
      // `verify` parses the body once the signature matched: a signed body that is not JSON lands here.
      if (error instanceof SyntaxError) throw new HttpProblem(400, 'body is not valid JSON');
      throw error;
    }
    // The webhook-id keys dedupe inside workflows (and a notification's workflow id): an opaque token only.
    const webhookId = opaqueId.safeParse(header(req, 'webhook-id'));
    if (!webhookId.success) throw new HttpProblem(400, `invalid ${partner} callback`, describeIssues(webhookId.error, 'webhook-id'));
    const body = parseJson(req.body as Buffer);
    const head = typed.safeParse(body);
    if (!head.success) throw new HttpProblem(400, `invalid ${partner} callback`, describeIssues(head.error));
    // Own entries only: a `type` such as "constructor" or "__proto__" is just another unused type.
    const current = routes();
    const route = Object.hasOwn(current, head.data.type) ? current[head.data.type] : undefined;
    if (!route) {
      res.status(200).json({ status: 'ignored', reason: `callback type ${head.data.type} is not used` });
      return;
    }
    const parsed = route.schema.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, `invalid ${partner} ${head.data.type} callback`, describeIssues(parsed.error));
    const ctx = { webhookId: webhookId.data };
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
