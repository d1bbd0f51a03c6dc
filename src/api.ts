// The API: stateless ingress. It verifies, validates, makes one Temporal call and answers; it never
// calls Lever or a partner inside a request, and answers 2xx only once Temporal has accepted the work.
// Routes come from the registry: every integration's callbacks and admin endpoints.
import type { Client } from '@temporalio/client';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { adminStart, backfill, manualSync } from './api/admin';
import { authorizer } from './console/auth';
import { codecEndpoint } from './api/codec-endpoint';
import { leverIngress } from './api/lever-ingress';
import { partnerIngress } from './api/partner-ingress';
import { TemporalActions, TemporalUnavailableError } from './api/temporal-actions';
import { WebhookTokens } from './api/webhook-tokens';
import { integrationParts, loadConfig, type Config } from './assembly/config';
import { onStopSignals } from './dev/signals';
import { isEncoded, rawBody, readRawBody, sizeInBytes } from './http/body';
import { HttpProblem, sendJson, sendProblem } from './http/problems';
import { createLogger, type Logger } from './logger';
import { countIssues, createMetrics, type Metrics } from './metrics';
import { issuesRoutes } from './api/issues-routes';
import { LiveIssues } from './issues/live';
import { ProcessObserver } from './issues/observer';
import { queuedLeverReads } from './lever/queued-reads';
import { turnTakingLeverClient } from './lever/turn-taking-client';
import { opportunityTriggers } from './opportunity/trigger';
import type { EffectiveSettings } from './settings/effective';
import { cachedLeverLists } from './settings/lever-lists';
import { LiveSettings } from './settings/live';
import { SettingsService } from './settings/service';
import { settingsRoutes } from './api/settings-routes';
import { tokensRoutes } from './api/tokens-routes';
import { API_TOKENS_LOCAL, LiveTokens } from './tokens/live';
import { TokensService } from './tokens/service';
import { consoleRouter } from './console';
import { AccessTokenPeople } from './console/oidc/access-tokens';
import { OidcProvider } from './console/oidc/provider';
import { runChecks, settingsChecks } from './doctor/run';
import { createTemporalClient } from './temporal/connection';
import { taskQueues } from './temporal/task-queues';

export interface ApiDeps {
  config: Config;
  client: Client;
  logger?: Logger;
  metrics?: Metrics;
  now?: () => number;
  /** Where webhook signature tokens come from; by default the environment and Lever's webhooks API, kept current. */
  tokens?: WebhookTokens;
  /** The settings in force, kept current; by default read from this deployment's settings workflow. */
  settings?: LiveSettings;
  /** The deployment's issues, kept current; by default read from this deployment's issues workflow. */
  issues?: LiveIssues;
  /** The named API tokens, kept current; by default read from this deployment's tokens workflow. */
  apiTokens?: LiveTokens;
}

export function createApp({
  config,
  client,
  logger = createLogger('api', config.logLevel),
  metrics = createMetrics(),
  now,
  tokens,
  settings,
  issues,
  apiTokens,
}: ApiDeps) {
  const app = express();
  const webhookTokens = tokens ?? startedTokens(config, logger, client);
  app.disable('x-powered-by');
  // Answers are small JSON documents to POSTs: an ETag (a hash of every answer) would never be used.
  app.set('etag', false);
  const live = settings ?? startedSettings(client, config);
  // Not `locals.settings`: express keeps its own application settings there for views.
  app.locals.liveSettings = live;
  const liveIssues = issues ?? startedIssues(client, config);
  app.locals.issues = liveIssues;
  // Every route that identifies an asker (console/auth.ts) finds the named tokens here.
  const liveTokens = apiTokens ?? startedApiTokens(client, config);
  app.locals[API_TOKENS_LOCAL] = liveTokens;
  const tokensService = new TokensService(liveTokens, client, config.temporal.taskQueue);
  // Callbacks refused for a bad signature, reported to the issues workflow once per evaluation interval when any were.
  const observer = new ProcessObserver({ client, taskQueue: config.temporal.taskQueue, windowMs: config.issues.observationWindowMs });
  observer.start(config.issues.evaluationIntervalMs);
  app.locals.observer = observer;
  metrics.settingsVersion.set(live.current().version);
  live.onChange((current) => metrics.settingsVersion.set(current.version));
  // Every `/admin/*` route judges its asker by the same token and clock as the console's pages.
  const authorize = authorizer(config.api.adminToken, now);
  const actions = new TemporalActions(
    client,
    taskQueues(config.temporal.taskQueue).main,
    opportunityTriggers(config, () => live.triggerSettings()),
  );
  const settingsService = new SettingsService(
    live,
    client,
    cachedLeverLists(queuedLeverReads(client, config.temporal.taskQueue, { timeout: CONSOLE_READ_TIMEOUT })),
  );
  // Raw bodies: signatures are checked over the exact bytes, and we choose the error for bad JSON.
  const limit = config.api.bodyLimit;
  const body = rawBody(limit);

  /** The ack-time histogram, the request counter and the ingress log of a route, once its answer is sent. */
  const watch = (name: string) => {
    const ack = metrics.ingressDuration.labels({ route: name });
    return (res: ServerResponse, locals: { event?: string }) => {
      const started = performance.now();
      res.once('finish', () => {
        ack.observe((performance.now() - started) / 1000);
        metrics.ingressRequests.inc({ route: name, status: String(res.statusCode) });
        // Refusals are what an operator looks for; every accepted delivery is counted (and logged at debug).
        const line = { route: name, status: res.statusCode, event: locals.event };
        if (res.statusCode >= 400) logger.info(line, 'ingress');
        else logger.debug(line, 'ingress');
      });
    };
  };
  const route = (name: string, handler: (req: Request, res: Response) => Promise<void>): RequestHandler => {
    const watched = watch(name);
    return (req, res, next) => {
      watched(res, res.locals);
      body(req, res, (error?: unknown) => (error ? next(error) : handler(req, res).catch(next)));
    };
  };

  /** The answer to a refusal or a failure: the field-naming 4xx, or 503 when Temporal cannot take it. */
  const problemFor = (error: unknown): HttpProblem => {
    if (error instanceof HttpProblem) return error;
    if (error instanceof TemporalUnavailableError) {
      logger.warn({ err: error.message }, 'Temporal unavailable; asking the sender to retry');
      return new HttpProblem(503, 'Temporal is unavailable; retry later', undefined, { 'retry-after': '5' });
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413) return new HttpProblem(413, `body is larger than ${limit}`);
    if (status && status >= 400 && status < 500) return new HttpProblem(status, (error as Error).message);
    logger.error({ err: error }, 'unexpected ingress error');
    return new HttpProblem(503, 'the relay could not accept this request; retry later');
  };

  // Whether any opportunity-driven integration is on, under the settings in force (computed once per version).
  const anyOpportunityIntegration = perVersion(live, (current) =>
    integrationParts(current.config).some(({ key, integration }) => 'opportunity' in integration && key in current.workflowSettings),
  );
  const lever = leverIngress({ config, tokens: webhookTokens, actions, anyOpportunityIntegration, now });
  app.post(
    '/webhooks/lever',
    route('lever', async (req, res) => {
      const answer = await lever(req.headers['content-type'], req.body as Buffer);
      res.locals.event = answer.event;
      res.status(answer.status).json(answer.body);
    }),
  );
  for (const { key, integration, server, section } of integrationParts(config)) {
    const current = () => {
      const { config: effective, notSetUp } = live.current();
      return { section: effective[key], missing: notSetUp[integration.name] ?? [] };
    };
    // Callback endpoints exist whenever their secret is configured, even with the integration switched
    // off, so running processes can still finish.
    const callbacks = server.callbacks;
    if (callbacks && section.callbackSecret) {
      const ingress = partnerIngress({
        partner: integration.title,
        secret: section.callbackSecret,
        routes: perVersion(live, (effective) => callbacks.routes(effective.config[key], effective.config)),
        actions,
        subject: callbacks.subject,
        onBadSignature: () => observer.callbackRefused(integration.name),
      });
      app.post(`/webhooks/${integration.name}`, route(integration.name, ingress));
    }
    for (const admin of server.admin ?? []) {
      app.post(
        `/admin/${admin.path}`,
        route(
          `admin-${admin.path}`,
          adminStart({ relay: config, section: current, title: integration.title, route: admin, actions, authorize }),
        ),
      );
    }
  }

  app.post('/admin/opportunities/:id/sync', route('admin-sync', manualSync({ actions, authorize, ...(now ? { now } : {}) })));
  app.post('/admin/backfill', route('admin-backfill', backfill({ current: () => live.current().config, actions, authorize })));

  const settingsApi = settingsRoutes({ authorize, settings: settingsService, lists: settingsService.lists });
  app.get('/admin/settings', route('admin-settings', settingsApi.read));
  app.get('/admin/settings/audit', route('admin-settings-audit', settingsApi.audit));
  app.put('/admin/settings/:group', route('admin-settings-change', settingsApi.change));
  for (const list of ['stages', 'postings', 'users'] as const)
    app.get(`/admin/lever/${list}`, route(`admin-lever-${list}`, settingsApi.list(list)));

  const issuesApi = issuesRoutes({ authorize, issues: liveIssues });
  app.get('/admin/issues', route('admin-issues', issuesApi.list));
  app.get('/admin/issues/audit', route('admin-issues-audit', issuesApi.audit));
  app.post('/admin/issues/:id/acknowledge', route('admin-issues-acknowledge', issuesApi.acknowledge));
  app.post('/admin/issues/:id/mute', route('admin-issues-mute', issuesApi.mute));

  const tokensApi = tokensRoutes({ authorize, tokens: tokensService, ...(now ? { now } : {}) });
  app.get('/admin/tokens', route('admin-tokens', tokensApi.list));
  app.post('/admin/tokens', route('admin-tokens-create', tokensApi.create));
  app.get('/admin/tokens/audit', route('admin-tokens-audit', tokensApi.audit));
  app.delete('/admin/tokens/:id', route('admin-tokens-revoke', tokensApi.revoke));

  // One client of the identity provider (one discovery) for the console's sign-in and the codec's access tokens.
  const oidc = config.api.oidc ? new OidcProvider(config.api.oidc) : undefined;
  app.use(
    '/console',
    consoleRouter({
      config,
      client,
      actions,
      logger,
      ...(oidc ? { oidc } : {}),
      settings: settingsService,
      lever: settingsService.lists,
      currentConfig: () => live.current().config,
      issues: liveIssues,
      tokens: tokensService,
      ...(now ? { now } : {}),
      // The doctor's checks with the settings in force, reading Lever through the rate-limited Lever queue.
      checks: async () => [
        ...settingsChecks(live),
        ...(await runChecks(live.current().config, client, queuedLeverReads(client, config.temporal.taskQueue))),
      ],
    }),
  );

  if (config.api.codecEndpoint)
    app.use(
      '/codec',
      codecEndpoint({
        payloadKeys: config.payloadKeys,
        uiOrigin: new URL(config.temporal.uiUrl).origin,
        adminToken: config.api.adminToken,
        ...(oidc ? { accessTokens: new AccessTokenPeople(oidc, now) } : {}),
        logger,
        ...(now ? { now } : {}),
      }),
    );

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      await client.withDeadline(Date.now() + 2_000, () => client.workflowService.getSystemInfo({}));
      // A process that cannot read the settings (or the API tokens) keeps its last copy: ready, but it says so.
      res.json({ status: 'ready', settings: live.status(), apiTokens: liveTokens.status() });
    } catch {
      res.status(503).json({ status: 'unavailable', error: 'Temporal is unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    // Read afresh; when Temporal cannot be read the last issues read are counted.
    countIssues(metrics, await liveIssues.refresh().catch(() => liveIssues.current()));
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use((_req: Request, res: Response) => sendProblem(res, new HttpProblem(404, 'no such route')));
  // Express calls an error handler only if it declares four parameters.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => sendProblem(res, problemFor(error)));

  // Lever's webhooks, the one route under load, are answered without express's layers: the same checks,
  // answers, metrics and log, for less CPU per webhook. Anything else (another path or method, a query
  // string, a compressed body) goes through express, where the same route also exists.
  const watchLever = watch('lever');
  const maxBody = sizeInBytes(limit);
  const leverDirect = (req: IncomingMessage, res: ServerResponse) => {
    const locals: { event?: string } = {};
    watchLever(res, locals);
    readRawBody(req, maxBody, limit)
      .then((raw) => lever(req.headers['content-type'], raw))
      .then(
        (answer) => {
          locals.event = answer.event;
          sendJson(res, answer.status, answer.body);
        },
        (error: unknown) => sendProblem(res, problemFor(error)),
      );
  };
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && req.url === '/webhooks/lever' && !isEncoded(req)) leverDirect(req, res);
    else app(req, res);
  };
  return Object.assign(serve, {
    /** Shared with express: `settings` is this API's LiveSettings, `apiTokens` its LiveTokens. */
    locals: app.locals,
    /**
     * Stops what this API keeps current in the background and reports what it has not yet (the API tokens'
     * last uses, the callbacks refused since the last report): after its server has closed, before its
     * client does. Until then its timers and reads hold the client, and the process, open.
     */
    async stop(): Promise<void> {
      webhookTokens.stop();
      await Promise.all([live.stop(), liveIssues.stop(), liveTokens.stop(), observer.stop()]);
    },
    /** Express's router, whose registered routes the access-table test holds against its list. */
    router: app.router,
    /** As express's `listen`: a listen error (EADDRINUSE) goes to the callback. */
    listen(port: number, callback?: (error?: Error) => void): Server {
      const server = createServer(serve);
      if (callback) {
        let called = false;
        const done = (error?: Error) => {
          if (called) return;
          called = true;
          callback(error);
        };
        server.once('error', done);
        return server.listen(port, () => done());
      }
      return server.listen(port);
    },
  });
}

const KEEP_ALIVE_MS = 65_000;

/**
 * Behind a load balancer the API must keep idle connections open longer than the balancer does, so the
 * balancer, not the API, closes them: otherwise a request sent on a connection the API is closing at that
 * moment is reset (Node's default is 5 s; load balancers commonly keep 60 s). Any HTTP client (fetch keeps 4 s)
 * is a balancer in this sense.
 */
export function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

/** Console reads of Lever's lists wait this long for the Lever queue (a worker) before the page says so. */
const CONSOLE_READ_TIMEOUT = '15s';

function startedIssues(client: Client, config: Config): LiveIssues {
  const live = new LiveIssues(client, config.temporal.taskQueue);
  live.start();
  return live;
}

function startedApiTokens(client: Client, config: Config): LiveTokens {
  const live = new LiveTokens(client, config.temporal.taskQueue);
  void live.start();
  return live;
}

function startedSettings(client: Client, config: Config): LiveSettings {
  const live = new LiveSettings(client, config);
  void live.start();
  return live;
}

/** A value derived from the settings in force, computed again only when their version changes. */
function perVersion<T>(live: LiveSettings, derive: (current: EffectiveSettings) => T): () => T {
  let cached: { version: number; value: T } | undefined;
  return () => {
    const current = live.current();
    if (cached?.version !== current.version) cached = { version: current.version, value: derive(current) };
    return cached.value;
  };
}

/** Our webhooks' signature tokens, each read from Lever after a turn on the Lever queue; not started yet. */
export function leverWebhookTokens(config: Config, logger: Logger, client: Client): WebhookTokens {
  return new WebhookTokens(config, logger, (signal) => turnTakingLeverClient(client, config, { signal }));
}

function startedTokens(config: Config, logger: Logger, client: Client): WebhookTokens {
  const tokens = leverWebhookTokens(config, logger, client);
  tokens.start();
  return tokens;
}

export async function startApi(
  config: Config,
  logger = createLogger('api', config.logLevel),
): Promise<{ server: Server; client: Client; app: ReturnType<typeof createApp> }> {
  const client = createTemporalClient(config);
  const tokens = startedTokens(config, logger, client);
  const apiTokens = startedApiTokens(client, config);
  const app = createApp({ config, client, logger, tokens, apiTokens });
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands listen errors (EADDRINUSE) to this callback.
    const s = app.listen(config.api.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  keepIdleConnectionsOpen(server);
  logger.info({ port: config.api.port }, 'api listening');
  return { server, client, app };
}

if (require.main === module) {
  const config = loadConfig();
  startApi(config)
    .then(({ server, client, app }) =>
      onStopSignals(
        async () => {
          // Stop accepting; requests in flight finish (each ends with its one Temporal call).
          await new Promise<void>((done) => server.close(() => done()));
          await app.stop();
          await client.connection.close();
        },
        () => process.exit(1),
      ),
    )
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      // A service that cannot start exits, so its process manager starts it again (see worker.ts).
      process.exit(1);
    });
}
