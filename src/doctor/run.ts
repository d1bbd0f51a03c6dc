// Every check `npm run doctor` makes: the relay's own (Lever key, our webhooks, Temporal and its search
// attributes) and each enabled integration's (stages, users, postings, its partner), against the live
// account. The worker runs the same at start and logs what fails.
import type { Client, Connection } from '@temporalio/client';
import { integrationParts, type Config } from '../assembly/config';
import { LeverClient } from '../lever/client';
import type { LeverReads } from '../lever/queued-reads';
import type { LeverStage, LeverUser } from '../lever/types';
import { HANDLED_EVENTS } from '../lever/webhook';
import { HTTP_FAILURE } from '../http/failure-types';
import { listAllWebhooks } from '../lever/webhook-registration';
import { SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import type { LiveSettings } from '../settings/live';
import { fail, pass, reason, type CheckContext, type CheckResult } from './check';

function context(config: Config, temporal: Client, lever: LeverReads): CheckContext {
  let stages: Promise<LeverStage[]> | undefined;
  const users = new Map<string, Promise<LeverUser[]>>();
  return {
    relay: config,
    lever,
    temporal,
    stages: () => (stages ??= lever.listStages({ limit: 100 }).then((page) => page.data)),
    usersByEmail: (email) => {
      if (!users.has(email))
        users.set(
          email,
          lever.listUsersByEmail(email, { includeDeactivated: true }).then((page) => page.data),
        );
      return users.get(email)!;
    },
  };
}

async function leverKey(ctx: CheckContext): Promise<CheckResult> {
  try {
    const stages = await ctx.stages();
    return pass('Lever: API key', `answers (${stages.length} stages)`);
  } catch (error) {
    return fail(
      'Lever: API key',
      reason(error),
      'check LEVER_API_KEY and LEVER_API_BASE_URL (the key needs read access to opportunities, postings, stages, users)',
    );
  }
}

/**
 * The key may read confidential postings and their candidates: without that access Lever hides them, so a
 * webhook about a confidential candidate reads as a deleted one and no integration acts on it. Asked as
 * Lever documents it (`confidentiality=confidential`); only a refusal (403) fails, anything else Lever
 * answers is the key check's business.
 */
async function confidentialAccess(ctx: CheckContext): Promise<CheckResult> {
  const name = 'Lever: confidential access';
  try {
    const page = await ctx.lever.listPostings({ limit: 1 }, { confidentiality: 'confidential' });
    return pass(name, page.data.length > 0 ? 'granted (sees confidential postings)' : 'not refused (no confidential posting seen)');
  } catch (error) {
    if ((error as { type?: string }).type !== HTTP_FAILURE.forbidden) return pass(name, `not checked: ${reason(error)}`);
    return fail(
      name,
      reason(error),
      "in Lever (Settings -> Integrations and API -> API credentials) edit the relay's key and allow access to confidential data, or set LEVER_API_KEY to a key that has it; until then confidential candidates look deleted to the relay and no integration acts on them",
    );
  }
}

async function webhooks(ctx: CheckContext): Promise<CheckResult[]> {
  const url = `${ctx.relay.api.publicUrl}/webhooks/lever`;
  const fix = `run \`npm run setup -- webhooks --public-url ${ctx.relay.api.publicUrl}\` (or register it by hand in Lever: Settings -> Integrations and API -> Webhooks)`;
  let all;
  try {
    all = await listAllWebhooks(ctx.lever);
  } catch (error) {
    return [
      fail(
        'Lever: webhooks',
        `cannot list them: ${reason(error)}`,
        'give the API key the scopes webhooks:read:admin and webhooks:write:admin, or check the webhooks by hand',
      ),
    ];
  }
  return HANDLED_EVENTS.map((event) => {
    const name = `Lever: webhook ${event}`;
    const ours = all.filter((w) => w.event === event && w.url === url);
    if (ours.length === 0) {
      const elsewhere = all.filter((w) => w.event === event).map((w) => w.url);
      return fail(name, `not registered at ${url}${elsewhere.length > 0 ? ` (only at ${elsewhere.join(', ')})` : ''}`, fix);
    }
    if (!ours.some((w) => w.enabled !== false)) return fail(name, 'registered but disabled', fix);
    return pass(name, `registered and enabled at ${url}`);
  });
}

async function temporal(ctx: CheckContext): Promise<CheckResult[]> {
  try {
    // The API and the worker both connect with a full Connection; ConnectionLike hides its operator service.
    const { operatorService } = ctx.temporal.connection as Connection;
    const { customAttributes } = await ctx.temporal.withDeadline(Date.now() + 5_000, () =>
      operatorService.listSearchAttributes({ namespace: ctx.temporal.options.namespace }),
    );
    return Object.values(SEARCH_ATTRIBUTES).map(({ name }) =>
      customAttributes?.[name] !== undefined
        ? pass(`Temporal: search attribute ${name}`, 'registered')
        : fail(`Temporal: search attribute ${name}`, 'missing', `temporal operator search-attribute create --name ${name} --type Keyword`),
    );
  } catch (error) {
    return [
      fail(
        'Temporal: server',
        `unreachable: ${reason(error)}`,
        'check TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and credentials (TEMPORAL_API_KEY / TLS)',
      ),
    ];
  }
}

/**
 * Every check. `lever` is how the checks read Lever: directly for `npm run doctor`, through the rate-limited
 * Lever queue (`queuedLeverReads`) in a worker, so checks at every restart never push Lever over its limit.
 */
export async function runChecks(
  config: Config,
  client: Client,
  lever: LeverReads = new LeverClient({ baseUrl: config.lever.baseUrl, apiKey: config.lever.apiKey }),
): Promise<CheckResult[]> {
  const ctx = context(config, client, lever);
  const results = [await leverKey(ctx), await confidentialAccess(ctx), ...(await webhooks(ctx)), ...(await temporal(ctx))];
  for (const { integration, server, section } of integrationParts(config)) {
    if (!section.enabled || !server.checks) continue;
    try {
      const checked = await server.checks(section, ctx);
      results.push(...checked.map((result) => ({ ...result, integration: integration.name })));
    } catch (error) {
      results.push(fail(`${integration.title}: checks`, reason(error), 'see the error; the checks could not run'));
    }
  }
  return results;
}

/** The table the doctor prints: one line per check, the fix under each failure. */
export function formatChecks(results: CheckResult[]): string {
  const width = Math.min(60, Math.max(...results.map((r) => r.name.length)));
  const lines = results.flatMap((r) => [
    `${r.ok ? ' ok ' : 'FAIL'}  ${r.name.padEnd(width)}  ${r.detail}`,
    ...(r.ok || !r.fix ? [] : [`      ${' '.repeat(width)}  fix: ${r.fix}`]),
  ]);
  const failed = results.filter((r) => !r.ok).length;
  return [...lines, '', failed === 0 ? `All ${results.length} checks pass.` : `${failed} of ${results.length} checks fail.`].join('\n');
}

/**
 * The settings this process holds: whether they could be read from Temporal (a process that cannot keeps its
 * last copy), and each integration switched on without what it needs.
 */
export function settingsChecks(live: Pick<LiveSettings, 'status' | 'current'>): CheckResult[] {
  const status = live.status();
  const { config, notSetUp, view } = live.current();
  const read = status.error
    ? fail(
        'Settings: read from Temporal',
        status.error,
        'check that Temporal is reachable; until then the last settings read (or the environment) are used',
      )
    : pass('Settings: read from Temporal', `version ${status.version}`);
  const missing = Object.entries(notSetUp).map(([name, problems]) =>
    fail(
      `${view.groups.find((g) => g.id === name)?.title ?? name}: set up`,
      `switched on but not set up: ${problems.join('; ')}`,
      `complete its settings in the console (${config.api.publicUrl}/console/settings/${name}) or the environment`,
    ),
  );
  return [read, ...missing];
}
