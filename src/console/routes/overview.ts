// The read-mostly pages: integrations (state, processes, health), Lever (key, webhooks, rate) and the
// audit log; and the one action of the Lever page, registering our webhooks.
import type { Router } from 'express';
import { turnTakingLeverClient } from '../../lever/turn-taking-client';
import { registerWebhooks } from '../../lever/webhook-registration';
import { constantCase } from '../../settings/fields';
import type { GroupView } from '../../settings/view';
import { frameOf, pageRoute, postRoute, queryText, sendPage, type ConsoleContext } from '../context';
import { checksOf, relayChecks, type HealthMonitor } from '../health';
import { html } from '../html';
import { auditPage } from '../pages/audit';
import { integrationsPage } from '../pages/integrations';
import { leverPage } from '../pages/lever';
import type { ProcessCounter } from '../process-counts';
import { workflowsQueryUrl } from './workflow-links';

/** `WILLO` from a field's variable `WILLO_TRIGGER_STAGES`: the doctor names some checks by it. */
function envPrefix(group: GroupView): string | undefined {
  for (const field of group.fields) {
    const suffix = `_${constantCase(field.name)}`;
    if (field.env.endsWith(suffix)) return field.env.slice(0, -suffix.length);
  }
  return undefined;
}

/** How long one registration request may wait for a worker to give it a turn before the page says it failed. */
const REGISTRATION_TURN_TIMEOUT = '30s';

export function overviewRoutes(c: ConsoleContext, router: Router, health: HealthMonitor, counter: ProcessCounter): void {
  router.get(
    '/integrations',
    pageRoute(c, 'viewer', async (_req, res, asker) => {
      const snapshot = health.latest();
      const groups = c.deps.settings.view().groups.filter((g) => g.integration);
      const cards = await Promise.all(
        groups.map(async (group) => ({
          group,
          counts: await counter.of(group.id),
          temporalUiUrl: workflowsQueryUrl(c, `RelayIntegration="${group.id}"`),
          checks: snapshot ? checksOf(snapshot.results, group.title, envPrefix(group)) : undefined,
        })),
      );
      const relay = snapshot ? [...relayChecks(snapshot.results, 'Temporal:'), ...relayChecks(snapshot.results, 'Lever:')] : undefined;
      sendPage(res, 200, integrationsPage(frameOf(c, asker, 'Integrations', '/console/integrations'), cards, snapshot, relay));
    }),
  );

  router.get(
    '/lever',
    pageRoute(c, 'viewer', async (req, res, asker) => {
      const snapshot = health.latest();
      const count = (name: string) => Number(queryText(req, name) ?? 0) || 0;
      const status =
        queryText(req, 'registered') !== undefined
          ? html`Webhooks registered: ${count('created')} created, ${count('enabled')} enabled again, ${count('unchanged')} already there.`
          : undefined;
      sendPage(
        res,
        200,
        leverPage(frameOf(c, asker, 'Lever', '/console/lever', status), {
          config: c.deps.config,
          checks: snapshot ? relayChecks(snapshot.results, 'Lever:') : undefined,
          relaySettings: c.deps.settings.view().groups.some((g) => g.id === 'lever'),
        }),
      );
    }),
  );

  router.post(
    '/lever/webhooks',
    postRoute(c, 'admin', async (_req, res, asker) => {
      const { config } = c.deps;
      try {
        // Each request waits for its turn at Lever's rate, as every other Lever request the relay makes.
        const lever = turnTakingLeverClient(c.deps.client, config, { timeout: REGISTRATION_TURN_TIMEOUT });
        const report = await registerWebhooks(lever, `${config.api.publicUrl}/webhooks/lever`);
        // Check again now rather than at the end of the minute (in the background: the checks queue behind Lever's rate).
        void health.refresh();
        const { created, enabled, unchanged } = report;
        res.redirect(303, `/console/lever?registered=1&created=${created.length}&enabled=${enabled.length}&unchanged=${unchanged.length}`);
      } catch (error) {
        const snapshot = health.latest();
        sendPage(
          res,
          502,
          leverPage(frameOf(c, asker, 'Lever', '/console/lever'), {
            config,
            checks: snapshot ? relayChecks(snapshot.results, 'Lever:') : undefined,
            relaySettings: c.deps.settings.view().groups.some((g) => g.id === 'lever'),
            problem: `The webhooks were not registered: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      }
    }),
  );

  router.get(
    '/audit',
    pageRoute(c, 'viewer', async (_req, res, asker) => {
      sendPage(res, 200, auditPage(frameOf(c, asker, 'Audit log', '/console/audit'), await c.deps.settings.audit()));
    }),
  );
}
