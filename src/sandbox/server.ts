// The sandbox: simulated Lever Data API and partners (HRLogics, Willo, Refty, Wintro, the technical-interview
// platform) on one Express app, real HTTP, plus the control API that plays the humans and injects faults.
// Local runs, the demo and tests use it; production never does.
import express, { Router } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LeverEvent } from '../lever/events';
import { createLogger } from '../logger';
import {
  SANDBOX_CALLBACK_SECRETS,
  SANDBOX_LEVER_API_KEY,
  SANDBOX_LEVER_RATE,
  SANDBOX_LEVER_WEBHOOK_TOKENS,
  SANDBOX_PARTNER_API_KEY,
  SANDBOX_PORT,
  SANDBOX_WEBHOOK_RETRY_DELAYS_MS,
  sandboxBaseUrl,
} from './defaults';
import { Faults } from './faults';
import { hrlogicsApi } from './hrlogics/api';
import { hrlogicsControls } from './hrlogics/controls';
import { HrlogicsStore } from './hrlogics/store';
import { controlErrors, errorHandler } from './http';
import { IdempotencyStore } from './idempotency';
import { leverControls } from './lever/controls';
import { leverDataApi } from './lever/data-api';
import { LeverStore } from './lever/store';
import { LeverWebhookSender } from './lever/webhooks';
import { Outbox, type SandboxLogger } from './outbox';
import { PartnerCallbackSender } from './partner-callbacks';
import { reftyApi } from './refty/api';
import { reftyControls } from './refty/controls';
import { ReftyStore } from './refty/store';
import { RequestLog } from './request-log';
import { willoApi } from './willo/api';
import { willoControls } from './willo/controls';
import { WilloStore } from './willo/store';
import { techInterviewApi } from './tech-interview/api';
import { techInterviewControls } from './tech-interview/controls';
import { TechInterviewStore } from './tech-interview/store';
import { wintroApi } from './wintro/api';
import { wintroControls } from './wintro/controls';
import { WintroStore } from './wintro/store';

export type { SandboxLogger } from './outbox';

export interface SandboxOptions {
  /** 0 = an ephemeral port. Default SANDBOX_PORT. */
  port?: number;
  /** Base URL of the relay API: webhooks go to `/webhooks/lever`, HRLogics callbacks to `/webhooks/hrlogics`. */
  relayUrl: string;
  leverApiKey?: string;
  partnerApiKey?: string;
  /** The signature token of each Lever webhook. */
  webhookTokens?: Record<LeverEvent, string>;
  hrlogicsCallbackSecret?: string;
  willoCallbackSecret?: string;
  reftyCallbackSecret?: string;
  wintroCallbackSecret?: string;
  techInterviewCallbackSecret?: string;
  /** Lever's per-key token bucket. Default 10/s, burst 20. */
  leverRate?: { perSecond: number; burst: number };
  /** Gaps between Lever webhook delivery attempts: five retries by default, as Lever does. */
  webhookRetryDelaysMs?: number[];
  /** Gaps between partner callback attempts. Default: the webhook gaps. */
  callbackRetryDelaysMs?: number[];
  /** Quiet when left out. */
  logger?: SandboxLogger;
}

/** The in-memory stores and logs, for tests that look behind the HTTP API. */
export interface SandboxState {
  lever: { store: LeverStore; requests: RequestLog; webhooks: LeverWebhookSender };
  hrlogics: { store: HrlogicsStore } & PartnerParts;
  willo: { store: WilloStore } & PartnerParts;
  refty: { store: ReftyStore } & PartnerParts;
  wintro: { store: WintroStore } & PartnerParts;
  techInterview: { store: TechInterviewStore } & PartnerParts;
  faults: Faults;
}

/** What every simulated partner has besides its store. */
export interface PartnerParts {
  requests: RequestLog;
  callbacks: PartnerCallbackSender;
  idempotency: IdempotencyStore;
}

export interface Sandbox {
  baseUrl: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const logger = options.logger ?? createLogger('sandbox', 'silent');
  const relayUrl = options.relayUrl.replace(/\/+$/, '');
  const webhookRetryDelaysMs = options.webhookRetryDelaysMs ?? [...SANDBOX_WEBHOOK_RETRY_DELAYS_MS];
  const outbox = new Outbox(logger);
  const callbackRetryDelaysMs = options.callbackRetryDelaysMs ?? webhookRetryDelaysMs;
  // Survey URLs name the sandbox's own address, known only once it listens.
  let baseUrl = '';
  const partnerParts = (service: string, secret: string): PartnerParts => ({
    requests: new RequestLog(),
    callbacks: new PartnerCallbackSender({
      service,
      url: `${relayUrl}/webhooks/${service}`,
      secret,
      retryDelaysMs: callbackRetryDelaysMs,
      outbox,
    }),
    idempotency: new IdempotencyStore(),
  });

  const state: SandboxState = {
    lever: {
      store: new LeverStore(),
      requests: new RequestLog(),
      webhooks: new LeverWebhookSender({
        url: `${relayUrl}/webhooks/lever`,
        tokens: options.webhookTokens ?? SANDBOX_LEVER_WEBHOOK_TOKENS,
        retryDelaysMs: webhookRetryDelaysMs,
        outbox,
      }),
    },
    hrlogics: {
      store: new HrlogicsStore((screeningId) => `${baseUrl}/hrlogics/survey/${screeningId}`),
      ...partnerParts('hrlogics', options.hrlogicsCallbackSecret ?? SANDBOX_CALLBACK_SECRETS.hrlogics),
    },
    willo: { store: new WilloStore(), ...partnerParts('willo', options.willoCallbackSecret ?? SANDBOX_CALLBACK_SECRETS.willo) },
    refty: { store: new ReftyStore(), ...partnerParts('refty', options.reftyCallbackSecret ?? SANDBOX_CALLBACK_SECRETS.refty) },
    wintro: { store: new WintroStore(), ...partnerParts('wintro', options.wintroCallbackSecret ?? SANDBOX_CALLBACK_SECRETS.wintro) },
    techInterview: { store: new TechInterviewStore(), ...partnerParts('tech-interview', options.techInterviewCallbackSecret ?? SANDBOX_CALLBACK_SECRETS.techInterview) },
    faults: new Faults(['lever', 'hrlogics', 'willo', 'refty', 'wintro', 'tech-interview']),
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/lever/v1',
    leverDataApi({
      store: state.lever.store,
      requests: state.lever.requests,
      faults: state.faults,
      apiKey: options.leverApiKey ?? SANDBOX_LEVER_API_KEY,
      rate: options.leverRate ?? SANDBOX_LEVER_RATE,
    }),
  );
  const partnerApiKey = options.partnerApiKey ?? SANDBOX_PARTNER_API_KEY;
  const partnerDeps = (parts: PartnerParts) => ({ requests: parts.requests, idempotency: parts.idempotency, faults: state.faults, apiKey: partnerApiKey });
  app.use('/hrlogics', hrlogicsApi({ store: state.hrlogics.store, ...partnerDeps(state.hrlogics) }));
  app.use('/willo', willoApi({ store: state.willo.store, ...partnerDeps(state.willo) }));
  app.use('/refty', reftyApi({ store: state.refty.store, ...partnerDeps(state.refty) }));
  app.use('/wintro', wintroApi({ store: state.wintro.store, ...partnerDeps(state.wintro) }));
  app.use('/tech-interview', techInterviewApi({ store: state.techInterview.store, ...partnerDeps(state.techInterview) }));

  const control = Router();
  control.use('/lever', leverControls(state.lever));
  control.use('/hrlogics', hrlogicsControls(state.hrlogics));
  control.use('/willo', willoControls({ ...state.willo, responsesUrl: (key) => `${baseUrl}/willo/responses/${key}` }));
  control.use('/refty', reftyControls({ ...state.refty, reportUrl: (id) => `${baseUrl}/refty/reports/${id}` }));
  control.use('/wintro', wintroControls(state.wintro));
  control.use('/tech-interview', techInterviewControls(state.techInterview));
  control.use('/faults', state.faults.controlRoutes());
  app.use('/_control', control);

  app.get('/', (_req, res) =>
    void res.json({
      lever: `${baseUrl}/lever/v1`,
      hrlogics: `${baseUrl}/hrlogics`,
      willo: `${baseUrl}/willo`,
      refty: `${baseUrl}/refty`,
      wintro: `${baseUrl}/wintro`,
      techInterview: `${baseUrl}/tech-interview`,
      control: `${baseUrl}/_control`,
      relay: relayUrl,
    }),
  );
  app.use((req) => {
    throw controlErrors.notFound(`no route ${req.method} ${req.path}`);
  });
  app.use(errorHandler(controlErrors));

  // Localhost only: every credential has a public default. Express 5 passes a listen error to this callback.
  const server = await new Promise<Server>((resolve, reject) => {
    const s: Server = app.listen(options.port ?? SANDBOX_PORT, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = sandboxBaseUrl(port);
  logger.info({ baseUrl, relayUrl }, 'sandbox listening');

  return {
    baseUrl,
    port,
    state,
    close: async () => {
      outbox.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
