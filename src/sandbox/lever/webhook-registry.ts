// The simulated account's webhooks (../shared/spec/lever.md, "Webhooks via the API"): one per event and URL, each
// with its own signature token, which can be regenerated. The account starts with one webhook per event
// pointing at the relay, as if someone had set them up by hand; the relay can list, create, update and
// delete them through `/v1/webhooks`, and deliveries go to whatever is registered and enabled.
import { randomBytes, randomUUID } from 'node:crypto';
import { LEVER_EVENTS, type LeverEvent } from '../../lever/events';
import { SimProblem } from '../http';

export interface SimWebhook {
  id: string;
  event: LeverEvent;
  url: string;
  enabled: boolean;
  signatureToken: string;
  createdAt: number;
  updatedAt: number;
}

export const newSignatureToken = () => randomBytes(24).toString('hex');

export class WebhookRegistry {
  readonly webhooks: SimWebhook[] = [];
  /** Events whose deliveries Lever gives up on at once (the "drop webhooks" fault): `all` or a set. */
  private dropping: Set<LeverEvent> | 'all' = new Set();

  constructor(
    seedUrl: string,
    seedTokens: Record<LeverEvent, string>,
    private readonly now: () => number = Date.now,
  ) {
    for (const event of LEVER_EVENTS) this.create({ event, url: seedUrl, signatureToken: seedTokens[event] });
  }

  create({
    event,
    url,
    enabled = true,
    signatureToken = newSignatureToken(),
  }: {
    event: LeverEvent;
    url: string;
    enabled?: boolean;
    signatureToken?: string;
  }): SimWebhook {
    const at = this.now();
    const webhook: SimWebhook = { id: randomUUID(), event, url, enabled, signatureToken, createdAt: at, updatedAt: at };
    this.webhooks.push(webhook);
    return webhook;
  }

  get(id: string): SimWebhook {
    const found = this.webhooks.find((w) => w.id === id);
    if (!found) throw new SimProblem('notFound', `webhook ${id} not found`);
    return found;
  }

  update(id: string, change: { url?: string; enabled?: boolean; event?: LeverEvent }): SimWebhook {
    const webhook = this.get(id);
    Object.assign(webhook, change, { updatedAt: this.now() });
    return webhook;
  }

  remove(id: string): void {
    this.webhooks.splice(this.webhooks.indexOf(this.get(id)), 1);
  }

  /** Regenerates the token, as Lever's settings page does: deliveries are signed with the new one from now on. */
  rotate(id: string): SimWebhook {
    const webhook = this.get(id);
    webhook.signatureToken = newSignatureToken();
    webhook.updatedAt = this.now();
    return webhook;
  }

  /** Where an event goes: every enabled webhook for it. */
  targets(event: LeverEvent): SimWebhook[] {
    return this.webhooks.filter((w) => w.event === event && w.enabled);
  }

  drop(events: LeverEvent[] | 'all'): void {
    this.dropping = events === 'all' ? 'all' : new Set(events);
  }

  dropped(event: LeverEvent): boolean {
    return this.dropping === 'all' || this.dropping.has(event);
  }
}

/** What the Data API shows of a webhook. */
export function renderWebhook(w: SimWebhook) {
  return {
    id: w.id,
    event: w.event,
    url: w.url,
    enabled: w.enabled,
    configuration: { signatureToken: w.signatureToken },
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}
