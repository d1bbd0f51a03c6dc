// Signed partner callbacks to the relay (Standard Webhooks, ../shared/spec/partners.md common rules), shared by
// every partner simulator. The first attempt is synchronous so a control call can show the relay's
// answer; retries run in the background with a fresh timestamp and the same `webhook-id`, as Standard
// Webhooks senders do. A client error other than 404, 408 and 429 is final: resending cannot fix it. A
// 404 is the relay not knowing the process yet (a callback racing the process, or its search attribute
// not yet visible), so it is retried like the partners' contract expects ("404 so the partner retries").
import express, { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { controlErrors, parseWith, queryOne, redeliverBody } from './http';
import type { DeliveryRecord, Outbox, SendResult } from './outbox';

export interface PartnerCallback extends DeliveryRecord {
  /** The `webhook-id`: the relay's dedupe key. */
  callbackId: string;
  service: string;
  type: string;
  /** The exact JSON sent. */
  body: string;
  /** Headers of the first attempt; a redelivery sends exactly these again. */
  headers: Record<string, string>;
}

export interface CallbackAnswer {
  callbackId: string;
  status?: number;
  body?: unknown;
  error?: string;
}

export interface PartnerCallbackSenderOptions {
  service: string;
  url: string;
  secret: string;
  retryDelaysMs: readonly number[];
  outbox: Outbox;
}

const secretBody = z.strictObject({ secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be whsec_<base64>') });

const retryable = ({ status }: SendResult) =>
  status === undefined || status < 400 || status >= 500 || status === 404 || status === 408 || status === 429;

export class PartnerCallbackSender {
  private readonly list: PartnerCallback[] = [];
  private webhook: Webhook;

  constructor(private readonly options: PartnerCallbackSenderOptions) {
    this.webhook = new Webhook(options.secret);
  }

  get callbacks(): readonly PartnerCallback[] {
    return this.list;
  }

  find(callbackId: string): PartnerCallback | undefined {
    return this.list.find((c) => c.callbackId === callbackId);
  }

  async send(payload: { type: string } & Record<string, unknown>): Promise<CallbackAnswer> {
    const callbackId = `msg_${randomBytes(12).toString('hex')}`;
    const body = JSON.stringify(payload);
    const record: PartnerCallback = {
      callbackId,
      service: this.options.service,
      type: payload.type,
      body,
      headers: this.sign(callbackId, body),
      attempts: [],
      delivered: false,
    };
    this.list.push(record);
    let first = true;
    const send = () => {
      const headers = first ? record.headers : this.sign(callbackId, body);
      first = false;
      return this.options.outbox.post(this.options.url, headers, body);
    };
    const result = await this.options.outbox.deliver(this.label(record), record, send, this.options.retryDelaysMs, retryable);
    return { callbackId, ...result };
  }

  /** The exact same signed request, `times` times concurrently (a partner's duplicate storm). */
  async redeliver(callbackId: string, times = 1): Promise<SendResult[]> {
    const record = this.find(callbackId);
    if (!record) throw controlErrors.notFound(`unknown callback ${callbackId}`);
    return this.options.outbox.rerun(
      this.label(record),
      record,
      () => this.options.outbox.post(this.options.url, record.headers, record.body),
      times,
    );
  }

  /**
   * The partner signs with another secret from now on (rotated on its side and not on ours), or with the
   * configured one again (undefined): the relay refuses what it sends meanwhile (401).
   */
  signWith(secret?: string): void {
    this.webhook = new Webhook(secret ?? this.options.secret);
  }

  /**
   * `GET /?type=` lists, `POST /:callbackId/redeliver {times?}`, `PUT /secret {secret}` signs with another
   * secret, `DELETE /secret` with the configured one again; mounted at `/_control/<service>/callbacks`.
   */
  controlRoutes(): Router {
    const router = Router();
    router.put('/secret', express.json(), (req, res) => {
      this.signWith(parseWith(secretBody, req.body, controlErrors).secret);
      res.json({ signing: 'with another secret' });
    });
    router.delete('/secret', (_req, res) => {
      this.signWith(undefined);
      res.json({ signing: 'with the configured secret' });
    });
    router.get('/', (req, res) => {
      const type = queryOne(req, 'type');
      res.json(this.list.filter((c) => type === undefined || c.type === type));
    });
    router.post('/:callbackId/redeliver', express.json(), async (req, res) => {
      const { times } = parseWith(redeliverBody, req.body, controlErrors);
      const results = await this.redeliver(req.params.callbackId, times);
      res.json({ callbackId: req.params.callbackId, statuses: results.map((r) => r.status ?? 0), results });
    });
    return router;
  }

  private label(record: PartnerCallback): string {
    return `${record.service} ${record.type}`;
  }

  private sign(callbackId: string, body: string): Record<string, string> {
    return signedCallbackHeaders(this.webhook, callbackId, body);
  }
}

/** The headers of one Standard Webhooks delivery of `body`, signed at `at` (tests sign stale or forged ones too). */
export function signedCallbackHeaders(webhook: Webhook, callbackId: string, body: string, at = new Date()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': callbackId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': webhook.sign(callbackId, at, body),
  };
}
