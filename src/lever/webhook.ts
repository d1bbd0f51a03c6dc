// Lever webhook envelope, per-event data and signature (../shared/spec/lever.md section 1). Lever signs only
// `token + triggeredAt`, so `data` is a hint that workflows confirm against the Data API.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { LEVER_EVENTS, type LeverEvent } from './events';

/**
 * Lever's ids (opportunities, stages, postings) are opaque printable tokens. Anything else (control
 * characters, lone surrogates, spaces, over 200 characters) could not be a workflow id or a path segment,
 * so it is refused here with the field named rather than failing later inside Temporal.
 */
export const leverId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7E]+$/, 'must be an opaque id of printable ASCII characters');
const id = leverId;

export const leverWebhookEnvelope = z.object({
  event: z.enum(LEVER_EVENTS),
  triggeredAt: z.number().int().positive(),
  token: z.string().min(1).max(256),
  signature: z.string().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  id: z.string().optional(),
});
export type LeverWebhookEnvelope = z.infer<typeof leverWebhookEnvelope>;

const archived = z.object({ archivedAt: z.number(), reason: z.string().nullable().optional() }).nullable().optional();

/** What we need from `data` per event; every other field is optional and unconfirmed. */
export const leverEventData = {
  applicationCreated: z.object({ opportunityId: id, applicationId: id.optional(), postingId: id.optional() }),
  candidateHired: z.object({ opportunityId: id }),
  candidateStageChange: z.object({ opportunityId: id, toStageId: id, fromStageId: id.nullable().optional() }),
  candidateArchiveChange: z.object({ opportunityId: id, fromArchived: archived, toArchived: archived }),
  candidateDeleted: z.object({ opportunityId: id }),
} satisfies Partial<Record<LeverEvent, z.ZodType>>;

export type HandledLeverEvent = keyof typeof leverEventData;

/** The events the relay listens to: every one is a trigger of the opportunity it names. */
export const HANDLED_EVENTS = Object.keys(leverEventData) as HandledLeverEvent[];
export type LeverEventData<E extends HandledLeverEvent> = z.infer<(typeof leverEventData)[E]>;

export function isHandledEvent(event: LeverEvent): event is HandledLeverEvent {
  return event in leverEventData;
}

export function leverSignature(signatureToken: string, token: string, triggeredAt: number): string {
  return createHmac('sha256', signatureToken)
    .update(token + String(triggeredAt))
    .digest('hex');
}

/** Constant-time check against every token configured for the event (several while one is rotated). */
export function verifyLeverSignature(
  envelope: Pick<LeverWebhookEnvelope, 'token' | 'triggeredAt' | 'signature'>,
  signatureTokens: readonly string[],
): boolean {
  const given = envelope.signature ?? '';
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const givenBytes = Buffer.from(given.toLowerCase(), 'hex');
  let matched = false;
  for (const key of signatureTokens) {
    const expected = Buffer.from(leverSignature(key, envelope.token, envelope.triggeredAt), 'hex');
    // No early exit: every configured token costs the same whether or not an earlier one matched.
    if (timingSafeEqual(expected, givenBytes)) matched = true;
  }
  return matched;
}
