// POST /webhooks/lever: one URL for all ten events. Order matters: shape, then signature, then age,
// then event data, so an unsigned request learns nothing about what a valid one would contain.
import type { Request, Response } from 'express';
import type { Config } from '../config';
import { describeIssues, isHandledEvent, leverEventData, leverWebhookEnvelope, verifyLeverSignature } from '../lever/webhook';
import { HttpProblem, parseJson, requireJson } from './http-errors';
import { planLeverEvent } from './lever-routing';
import type { TemporalActions } from './temporal-actions';
import { TokenGuard } from './token-guard';

const FUTURE_SKEW_MS = 5 * 60_000;

export interface LeverIngressDeps {
  config: Pick<Config, 'lever' | 'hrlogics' | 'temporal'>;
  actions: TemporalActions;
  now?: () => number;
}

export function leverIngress({ config, actions, now = Date.now }: LeverIngressDeps) {
  const tokens = new TokenGuard();
  return async (req: Request, res: Response): Promise<void> => {
    requireJson(req.headers['content-type']);
    const parsed = leverWebhookEnvelope.safeParse(parseJson(req.body as Buffer));
    if (!parsed.success) throw new HttpProblem(400, 'invalid Lever webhook', describeIssues(parsed.error));
    const envelope = parsed.data;

    const signatureTokens = config.lever.webhookTokens[envelope.event];
    if (signatureTokens.length === 0) throw new HttpProblem(401, `no signature token is configured for ${envelope.event}`);
    if (!envelope.signature) throw new HttpProblem(401, 'signature is missing');
    if (!verifyLeverSignature(envelope, signatureTokens)) throw new HttpProblem(401, 'signature does not match');
    const age = now() - envelope.triggeredAt;
    if (age > config.lever.webhookMaxAgeMs) throw new HttpProblem(401, 'triggeredAt is too old to be trusted');
    if (age < -FUTURE_SKEW_MS) throw new HttpProblem(401, 'triggeredAt is in the future');

    if (Object.keys(envelope.data).length === 0) {
      res.status(200).json({ status: 'ignored', reason: 'test delivery with empty data' });
      return;
    }
    if (!isHandledEvent(envelope.event)) {
      res.status(200).json({ status: 'ignored', reason: `${envelope.event} is not used by any integration` });
      return;
    }
    const data = leverEventData[envelope.event].safeParse(envelope.data);
    if (!data.success) throw new HttpProblem(400, `invalid data for ${envelope.event}`, describeIssues(data.error, 'data'));
    if (!tokens.accept(envelope.token, { event: envelope.event, triggeredAt: envelope.triggeredAt, data: envelope.data })) {
      throw new HttpProblem(409, 'this token was already delivered with a different payload');
    }

    const plan = planLeverEvent({ event: envelope.event, triggeredAt: envelope.triggeredAt, data: data.data }, config);
    res.locals.event = envelope.event;
    if (plan.kind === 'ignore') {
      res.status(200).json({ status: 'ignored', reason: plan.reason });
      return;
    }
    const outcome = plan.kind === 'start' ? await actions.start(plan) : await actions.signal(plan);
    if (outcome.status === 'not-found') {
      // Archive/hire for a candidate with no running process is normal: Lever must not retry it.
      res.status(200).json({ status: 'ignored', reason: 'no open process for this opportunity' });
      return;
    }
    res.status(outcome.status === 'started' ? 202 : 200).json(outcome);
  };
}
