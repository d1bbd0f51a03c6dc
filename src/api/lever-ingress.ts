// POST /webhooks/lever: one URL for all ten events. Order matters: shape, then signature, then age,
// then event data, so an unsigned request learns nothing about what a valid one would contain.
import type { Request, Response } from 'express';
import type { Config } from '../config';
import { describeIssues, isHandledEvent, leverEventData, leverWebhookEnvelope, verifyLeverSignature } from '../lever/webhook';
import { HttpProblem, parseJson, requireJson } from './http-errors';
import { planLeverEvent, type RoutingConfig } from './lever-routing';
import type { IngressOutcome, TemporalActions } from './temporal-actions';
import { TokenGuard } from './token-guard';

const FUTURE_SKEW_MS = 5 * 60_000;

export interface LeverIngressDeps {
  config: Pick<Config, 'lever' | 'temporal'> & RoutingConfig;
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
    if (plan.actions.length === 0) {
      res.status(200).json({ status: 'ignored', reason: plan.ignoredBecause });
      return;
    }
    // Sequential: each start or signal is durable once it returns, and a 503 midway makes Lever
    // redeliver, which the deterministic ids turn into duplicates for the part already done.
    const results: IngressOutcome[] = [];
    for (const action of plan.actions) results.push(action.kind === 'start' ? await actions.start(action) : await actions.signal(action));
    const summary = summarize(results);
    res.status(summary === 'started' ? 202 : 200).json({ status: summary, ...(summary === 'ignored' ? { reason: 'no open process for this opportunity' } : {}), results });
  };
}

/** One word for the whole delivery: started beats signalled beats duplicate; only not-found is "ignored". */
function summarize(results: IngressOutcome[]): 'started' | 'signalled' | 'duplicate' | 'ignored' {
  const statuses = new Set(results.map((r) => r.status));
  if (statuses.has('started')) return 'started';
  if (statuses.has('signalled')) return 'signalled';
  if (statuses.has('duplicate')) return 'duplicate';
  // Archive or hire for a candidate with no running process is normal: Lever must not retry it.
  return 'ignored';
}
