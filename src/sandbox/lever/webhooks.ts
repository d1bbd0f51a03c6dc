// Lever webhooks from the sandbox to the relay, built as Lever sends them (spec/lever.md section 1):
// `token + triggeredAt` signed with the event's own signature token, `data` unsigned. A retry sends the
// same body again (whether Lever reuses token and triggeredAt is unconfirmed; the same body is the harder
// case for the relay's replay guard). Every delivery is kept so tests can inspect or rerun it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { LeverEvent } from '../../lever/events';
import { leverSignature } from '../../lever/webhook';
import { SimProblem } from '../http';
import type { DeliveryRecord, Outbox, SendResult } from '../outbox';

export interface LeverDelivery extends DeliveryRecord {
  deliveryId: string;
  event: LeverEvent;
  opportunityId?: string;
  /** The exact JSON string sent on every attempt. */
  body: string;
}

export interface LeverWebhookSenderOptions {
  url: string;
  tokens: Record<LeverEvent, string>;
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

  /** Starts delivery in the background (Lever does not wait either) and returns the record at once. */
  emit(event: LeverEvent, data: Record<string, unknown>): LeverDelivery {
    const delivery = this.record(event, data);
    void this.options.outbox.deliver(event, delivery, this.sender(delivery), this.options.retryDelaysMs, () => true);
    return delivery;
  }

  /** One attempt, awaited, never retried: for tests that forge `data` under a valid signature. */
  async sendOnce(event: LeverEvent, data: Record<string, unknown>, triggeredAt?: number): Promise<{ deliveryId: string } & SendResult> {
    const delivery = this.record(event, data, triggeredAt);
    const result = await this.options.outbox.deliver(event, delivery, this.sender(delivery), [], () => false);
    return { deliveryId: delivery.deliveryId, ...result };
  }

  /** Lever's "Rerun", `times` copies at once: the exact same body, so the same token. */
  redeliver(deliveryId: string, times = 1): Promise<SendResult[]> {
    const delivery = this.find(deliveryId);
    return this.options.outbox.rerun(delivery.event, delivery, this.sender(delivery), times);
  }

  private record(event: LeverEvent, data: Record<string, unknown>, triggeredAt = Date.now()): LeverDelivery {
    const token = randomBytes(24).toString('hex');
    const signature = leverSignature(this.options.tokens[event], token, triggeredAt);
    const delivery: LeverDelivery = {
      deliveryId: randomUUID(),
      event,
      ...(typeof data.opportunityId === 'string' ? { opportunityId: data.opportunityId } : {}),
      body: JSON.stringify({ event, triggeredAt, token, signature, data }),
      attempts: [],
      delivered: false,
    };
    this.list.push(delivery);
    return delivery;
  }

  private sender(delivery: LeverDelivery) {
    return () => this.options.outbox.post(this.options.url, HEADERS, delivery.body);
  }
}
