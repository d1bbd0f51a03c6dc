// Lever webhooks from the sandbox to the relay, built as Lever sends them (../shared/spec/lever.md section 1): to
// every enabled webhook registered for the event, `token + triggeredAt` signed with that webhook's own
// signature token, `data` unsigned. A retry sends the same body again (whether Lever reuses token and
// triggeredAt is unconfirmed; the same body is the harder case for the relay's replay guard). Every
// delivery is kept so tests can inspect or rerun it; one the "drop webhooks" fault swallows is kept too,
// marked dropped, with no attempt.
import { randomBytes, randomUUID } from 'node:crypto';
import type { LeverEvent } from '../../lever/events';
import { leverSignature } from '../../lever/webhook';
import { SimProblem } from '../http';
import type { DeliveryRecord, Outbox, SendResult } from '../outbox';
import type { WebhookRegistry } from './webhook-registry';

export interface LeverDelivery extends DeliveryRecord {
  deliveryId: string;
  event: LeverEvent;
  opportunityId?: string;
  /** Where it goes (the webhook's URL). */
  url: string;
  /** The exact JSON string sent on every attempt. */
  body: string;
  /** Lever gave up on it without trying (the "drop webhooks" fault). */
  dropped?: true;
}

export interface LeverWebhookSenderOptions {
  registry: WebhookRegistry;
  /** Where a hand-made delivery goes when no webhook is registered for its event. */
  fallbackUrl: string;
  retryDelaysMs: readonly number[];
  outbox: Outbox;
}

const HEADERS = { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks' };

export class LeverWebhookSender {
  private readonly list: LeverDelivery[] = [];

  constructor(private readonly options: LeverWebhookSenderOptions) {}

  get deliveries(): readonly LeverDelivery[] {
    return this.list;
  }

  find(deliveryId: string): LeverDelivery {
    const found = this.list.find((d) => d.deliveryId === deliveryId);
    if (!found) throw new SimProblem('notFound', `unknown delivery ${deliveryId}`);
    return found;
  }

  /**
   * Starts delivery to every webhook of the event in the background (Lever does not wait either) and
   * returns the records at once.
   */
  emit(event: LeverEvent, data: Record<string, unknown>): LeverDelivery[] {
    return this.options.registry.targets(event).map((webhook) => {
      const delivery = this.record(event, data, webhook.url, webhook.signatureToken);
      if (this.options.registry.dropped(event)) delivery.dropped = true;
      else void this.options.outbox.deliver(event, delivery, this.sender(delivery), this.options.retryDelaysMs, () => true);
      return delivery;
    });
  }

  /** One attempt, awaited, never retried: for tests that forge `data` under a valid signature. */
  async sendOnce(event: LeverEvent, data: Record<string, unknown>, triggeredAt?: number): Promise<{ deliveryId: string } & SendResult> {
    const [webhook] = this.options.registry.targets(event);
    const delivery = this.record(event, data, webhook?.url ?? this.options.fallbackUrl, webhook?.signatureToken ?? '', triggeredAt);
    const result = await this.options.outbox.deliver(event, delivery, this.sender(delivery), [], () => false);
    return { deliveryId: delivery.deliveryId, ...result };
  }

  /** Lever's "Rerun", `times` copies at once: the exact same body, so the same token. */
  redeliver(deliveryId: string, times = 1): Promise<SendResult[]> {
    const delivery = this.find(deliveryId);
    return this.options.outbox.rerun(delivery.event, delivery, this.sender(delivery), times);
  }

  private record(
    event: LeverEvent,
    data: Record<string, unknown>,
    url: string,
    signatureToken: string,
    triggeredAt = Date.now(),
  ): LeverDelivery {
    const token = randomBytes(24).toString('hex');
    const signature = leverSignature(signatureToken, token, triggeredAt);
    const delivery: LeverDelivery = {
      deliveryId: randomUUID(),
      event,
      ...(typeof data.opportunityId === 'string' ? { opportunityId: data.opportunityId } : {}),
      url,
      body: JSON.stringify({ event, triggeredAt, token, signature, data }),
      attempts: [],
      delivered: false,
    };
    this.list.push(delivery);
    return delivery;
  }

  private sender(delivery: LeverDelivery) {
    return () => this.options.outbox.post(delivery.url, HEADERS, delivery.body);
  }
}
