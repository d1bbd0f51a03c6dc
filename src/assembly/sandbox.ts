// The sandbox: the simulated Lever Data API and every integration's simulated partner on one Express app, real HTTP, plus the control API that plays the humans and injects faults.
// Local runs, the demo and tests use it; production never does. It mounts every integration's simulator from
// the registry, so it sits above the registry; the plumbing it is made of stays below, in src/sandbox/.
import express, { Router } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SANDBOX_LEVER_API_KEY,
  SANDBOX_LEVER_NON_CONFIDENTIAL_API_KEY,
  SANDBOX_LEVER_RATE,
  SANDBOX_LEVER_WEBHOOK_TOKENS,
  SANDBOX_PARTNER_API_KEY,
  SANDBOX_PORT,
  SANDBOX_WEBHOOK_RETRY_DELAYS_MS,
  sandboxBaseUrl,
  sandboxCallbackSecret,
} from '../config/sandbox-defaults';
import { eachIntegration } from '../integrations';
import type { LeverEvent } from '../lever/events';
import { createLogger } from '../logger';
import { Faults } from '../sandbox/faults';
import { controlErrors, errorHandler } from '../sandbox/http';
import { IdempotencyStore } from '../sandbox/idempotency';
import { leverControls } from '../sandbox/lever/controls';
import { leverDataApi } from '../sandbox/lever/data-api';
import { LeverStore } from '../sandbox/lever/store';
import { LeverWebhookSender } from '../sandbox/lever/webhooks';
import { KeyAccess } from '../sandbox/lever/access';
import { WebhookRegistry } from '../sandbox/lever/webhook-registry';
import { Outbox, type SandboxLogger } from '../sandbox/outbox';
import { PartnerCallbackSender } from '../sandbox/partner-callbacks';
import { RequestLog } from '../sandbox/request-log';
import type { PartnerParts, SimulatedPartner } from '../sandbox/simulator';

export type { SandboxLogger } from '../sandbox/outbox';

export interface SandboxOptions {
  /** 0 = an ephemeral port. Default SANDBOX_PORT. */
  port?: number;
  /** Base URL of the relay API: webhooks go to `/webhooks/lever`, HRLogics callbacks to `/webhooks/hrlogics`. */
  relayUrl: string;
  /** The relay's Lever key. Default SANDBOX_LEVER_API_KEY. */
  leverApiKey?: string;
  /**
   * Whether that key sees confidential postings and their opportunities. Default true: every flow but
   * Wintro's must see a confidential posting's candidates, and Wintro leaves them out itself. The account's
   * second key, SANDBOX_LEVER_NON_CONFIDENTIAL_API_KEY, never sees them.
   */
  leverConfidentialAccess?: boolean;
  partnerApiKey?: string;
  /** The signature token of each Lever webhook. */
  webhookTokens?: Record<LeverEvent, string>;
  /** The `whsec_...` secret each simulated partner signs its callbacks with, by integration name. */
  callbackSecrets?: Record<string, string | undefined>;
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
  lever: { store: LeverStore; requests: RequestLog; webhooks: LeverWebhookSender; registry: WebhookRegistry; access: KeyAccess };
  /** Every integration's simulated partner, by integration name (`hrlogics`, `tech-interview`...). */
  partners: Record<string, SimulatedPartner & PartnerParts>;
  faults: Faults;
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
  const simulated = eachIntegration().flatMap(([, integration]) => {
    const simulator = integration.server().simulator;
    return simulator ? [{ name: integration.name, simulator }] : [];
  });
  const faults = new Faults(['lever', ...simulated.map((s) => s.name)]);
  const partnerApiKey = options.partnerApiKey ?? SANDBOX_PARTNER_API_KEY;
  const partners: SandboxState['partners'] = {};
  for (const { name, simulator } of simulated) {
    const parts: PartnerParts = {
      requests: new RequestLog(),
      callbacks: new PartnerCallbackSender({
        service: name,
        url: `${relayUrl}/webhooks/${name}`,
        secret: options.callbackSecrets?.[name] ?? sandboxCallbackSecret(name),
        retryDelaysMs: callbackRetryDelaysMs,
        outbox,
      }),
      idempotency: new IdempotencyStore(),
    };
    partners[name] = {
      ...parts,
      ...simulator({ ...parts, faults, apiKey: partnerApiKey, publicUrl: (path) => `${baseUrl}/${name}${path}` }),
    };
  }

  const primaryLeverKey = options.leverApiKey ?? SANDBOX_LEVER_API_KEY;
  // The account starts with one webhook per event pointing at the relay, as if set up by hand.
  const registry = new WebhookRegistry(`${relayUrl}/webhooks/lever`, options.webhookTokens ?? SANDBOX_LEVER_WEBHOOK_TOKENS);
  const state: SandboxState = {
    lever: {
      store: new LeverStore(),
      requests: new RequestLog(),
      registry,
      access: new KeyAccess(
        {
          [SANDBOX_LEVER_NON_CONFIDENTIAL_API_KEY]: { confidential: false },
          [primaryLeverKey]: { confidential: options.leverConfidentialAccess ?? true },
        },
        primaryLeverKey,
      ),
      webhooks: new LeverWebhookSender({
        registry,
        fallbackUrl: `${relayUrl}/webhooks/lever`,
        retryDelaysMs: webhookRetryDelaysMs,
        outbox,
      }),
    },
    partners,
    faults,
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/lever/v1',
    leverDataApi({
      store: state.lever.store,
      registry: state.lever.registry,
      requests: state.lever.requests,
      faults: state.faults,
      access: state.lever.access,
      rate: options.leverRate ?? SANDBOX_LEVER_RATE,
    }),
  );
  const control = Router();
  control.use('/lever', leverControls(state.lever));
  for (const [name, partner] of Object.entries(partners)) {
    app.use(`/${name}`, partner.api);
    control.use(`/${name}`, partner.controls);
  }
  control.use('/faults', state.faults.controlRoutes());
  app.use('/_control', control);

  app.get(
    '/',
    (_req, res) =>
      void res.json({
        lever: `${baseUrl}/lever/v1`,
        ...Object.fromEntries(Object.keys(partners).map((name) => [name, `${baseUrl}/${name}`])),
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
