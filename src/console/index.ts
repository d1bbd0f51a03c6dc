// The console, served by every API at `/console`: server-rendered pages for the people who run the
// integrations (settings, health, Lever, actions, audit log). Plain HTML forms that work without
// JavaScript, our own stylesheets only, and a strict Content-Security-Policy: nothing inline may run.
import type { Client } from '@temporalio/client';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { TemporalActions } from '../api/temporal-actions';
import { TemporalUnavailableError } from '../api/temporal-actions';
import type { Config } from '../assembly/config';
import type { CheckResult } from '../doctor/check';
import type { LiveIssues } from '../issues/live';
import { issuesRoutes } from './routes/issues';
import { runChecks } from '../doctor/run';
import { HttpProblem } from '../http/problems';
import { RoleTooSmall } from './roles';
import { queuedLeverReads } from '../lever/queued-reads';
import { serveAsset } from './assets';
import { HOME_PATH, pageAsker, sendPage, type ConsoleContext } from './context';
import type { LeverLists, SettingsAccess } from './deps';
import { HealthMonitor } from './health';
import { problemPage } from './pages/sign-in';
import { ProcessCounter } from './process-counts';
import { actionsRoutes } from './routes/actions';
import { overviewRoutes } from './routes/overview';
import { settingsRoutes } from './routes/settings';
import { signInRoutes } from './routes/sign-in';
import { tokensRoutes } from './routes/tokens';
import type { TokensAccess } from '../tokens/service';
import { oidcRoutes } from './routes/oidc';
import type { OidcProvider } from './oidc/provider';
import type { Logger } from '../logger';

export interface ConsoleDeps {
  config: Config;
  client: Client;
  actions: TemporalActions;
  settings: SettingsAccess;
  lever: LeverLists;
  now?: () => number;
  /** The configuration with the settings in force (console changes applied); by default `config`. */
  currentConfig?: () => Config;
  /** The deployment's issues (the Issues page, the count in the navigation); none in tests that fake the console's deps. */
  issues?: LiveIssues;
  /** The named API tokens (the API tokens page); none in tests that fake the console's deps. */
  tokens?: TokensAccess;
  /** The health checks; by default the doctor's, reading Lever through the rate-limited Lever queue. */
  checks?: () => Promise<CheckResult[]>;
  /** Where sign-ins are logged (who, role, how; a break-glass sign-in stands out); none in tests that fake the deps. */
  logger?: Logger;
  /** The OpenID Connect provider people sign in with; undefined: the admin token only. */
  oidc?: OidcProvider;
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  next();
}

const FORM_BODY_LIMIT = '200kb';

export function consoleRouter(deps: ConsoleDeps): Router {
  const { config, client } = deps;
  const c: ConsoleContext = {
    deps,
    now: deps.now ?? Date.now,
    adminToken: config.api.adminToken,
    current: deps.currentConfig ?? (() => config),
  };
  const health = new HealthMonitor(
    deps.checks ?? (() => runChecks(config, client, queuedLeverReads(client, config.temporal.taskQueue))),
    c.now,
  );
  const counter = new ProcessCounter(client, client.options?.namespace ?? config.temporal.namespace, c.now);

  const router = express.Router();
  router.use(securityHeaders);
  router.use(express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit: 2_000 }));
  router.get('/assets/:name', serveAsset);
  router.get('/', (_req, res) => res.redirect(303, HOME_PATH));
  signInRoutes(c, router);
  if (deps.oidc) oidcRoutes(c, router, deps.oidc);
  overviewRoutes(c, router, health, counter);
  settingsRoutes(c, router);
  actionsRoutes(c, router);
  issuesRoutes(c, router);
  tokensRoutes(c, router);

  router.use((req: Request, res: Response) => {
    const signedIn = safely(() => pageAsker(c, req) !== undefined);
    sendPage(res, 404, problemPage({ title: 'Not found', message: 'There is no such page in the console.', signedIn }));
  });
  // Express calls an error handler only if it declares four parameters.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const signedIn = safely(() => pageAsker(c, req) !== undefined);
    if (error instanceof HttpProblem) {
      const title =
        { 401: 'Sign in first', 403: 'Refused', 404: 'Not found', 409: 'Not now', 429: 'Too many attempts' }[error.status] ?? 'Refused';
      return sendPage(res, error.status, problemPage({ title, message: forPeople(error, signedIn), signedIn }));
    }
    if (error instanceof TemporalUnavailableError) {
      res.setHeader('retry-after', '5');
      return sendPage(res, 503, problemPage({ title: 'Temporal is unavailable', message: 'Try again in a moment.', signedIn }));
    }
    const status = (error as { status?: number }).status;
    if (status === 413) return sendPage(res, 413, problemPage({ title: 'Too large', message: 'That form is too large.', signedIn }));
    if (status && status >= 400 && status < 500)
      return sendPage(res, status, problemPage({ title: 'Refused', message: (error as Error).message, signedIn }));
    return sendPage(
      res,
      500,
      problemPage({ title: 'Something went wrong', message: error instanceof Error ? error.message : String(error), signedIn }),
    );
  });
  return router;
}

/** The refusals a person meets in a browser, said in their terms (scripts get the technical message from /admin). */
function forPeople(problem: HttpProblem, signedIn: boolean): string {
  if (problem.status === 401) return 'Your session has ended, or you have not signed in. Sign in, then try again.';
  if (problem instanceof RoleTooSmall) return `You may not open this: ${problem.message}.`;
  if (problem.status === 403 && signedIn)
    return 'This form is out of date (you signed in again after opening it). Go back, reload the page and try again.';
  return problem.message;
}

function safely(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}
