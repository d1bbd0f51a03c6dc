// POST /webhooks/lever: one URL for all ten events. Order matters: shape, then signature, then age,
// then event data, so an unsigned request learns nothing about what a valid one would contain. A verified
// event becomes exactly one Temporal call: a trigger of the opportunity's process, which reads Lever
// itself; `data` only says which opportunity to look at.
import type { RelayConfig } from '../config/relay';
import { HttpProblem, describeIssues, parseJson, requireJson } from '../http/problems';
import { isHandledEvent, leverEventData, leverWebhookEnvelope, verifyLeverSignature } from '../lever/webhook';
import { webhookTrigger } from '../opportunity/messages';
import type { TemporalActions } from './temporal-actions';
import type { WebhookTokens } from './webhook-tokens';
import { TokenGuard } from './token-guard';

const FUTURE_SKEW_MS = 5 * 60_000;

export interface LeverIngressDeps {
  config: Pick<RelayConfig, 'lever'>;
  tokens: Pick<WebhookTokens, 'for'>;
  actions: TemporalActions;
  /** Whether any integration that Lever opportunities drive is switched on (under the settings in force). */
  anyOpportunityIntegration: () => boolean;
  now?: () => number;
}

/** What to answer a delivery; refusals are thrown as `HttpProblem`s (and Temporal's absence as a 503). */
export interface IngressAnswer {
  status: number;
  body: unknown;
  /** The Lever event, once the delivery is verified (for the ingress log). */
  event?: string;
}

export function leverIngress({ config, tokens, actions, anyOpportunityIntegration, now = Date.now }: LeverIngressDeps) {
  const replays = new TokenGuard();
  return async (contentType: string | undefined, body: Buffer): Promise<IngressAnswer> => {
    requireJson(contentType);
    const parsed = leverWebhookEnvelope.safeParse(parseJson(body));
    if (!parsed.success) throw new HttpProblem(400, 'invalid Lever webhook', describeIssues(parsed.error));
    const envelope = parsed.data;

    const signatureTokens = tokens.for(envelope.event);
    if (signatureTokens.length === 0) throw new HttpProblem(401, `no signature token is configured for ${envelope.event}`);
    if (!envelope.signature) throw new HttpProblem(401, 'signature is missing');
    if (!verifyLeverSignature(envelope, signatureTokens)) throw new HttpProblem(401, 'signature does not match');
    const age = now() - envelope.triggeredAt;
    if (age > config.lever.webhookMaxAgeMs) throw new HttpProblem(401, 'triggeredAt is too old to be trusted');
    if (age < -FUTURE_SKEW_MS) throw new HttpProblem(401, 'triggeredAt is in the future');

    if (Object.keys(envelope.data).length === 0) {
      return { status: 200, body: { status: 'ignored', reason: 'test delivery with empty data' } };
    }
    if (!isHandledEvent(envelope.event)) {
      return { status: 200, body: { status: 'ignored', reason: `${envelope.event} is not used by any integration` } };
    }
    const data = leverEventData[envelope.event].safeParse(envelope.data);
    if (!data.success) throw new HttpProblem(400, `invalid data for ${envelope.event}`, describeIssues(data.error, 'data'));
    if (!replays.accept(envelope.token, { event: envelope.event, triggeredAt: envelope.triggeredAt, data: envelope.data })) {
      throw new HttpProblem(409, 'this token was already delivered with a different payload');
    }
    const { event } = envelope;
    if (!anyOpportunityIntegration()) {
      return { status: 200, event, body: { status: 'ignored', reason: 'no integration that Lever opportunities drive is switched on' } };
    }
    const outcome = await actions.trigger(data.data.opportunityId, webhookTrigger(event, envelope.triggeredAt));
    return { status: 202, event, body: outcome };
  };
}
