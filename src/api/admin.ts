// Admin endpoints, for whoever `requireActor` (console/auth.ts) lets through with the role each needs: a
// bearer token (`ADMIN_TOKEN` or a named API token) or a console session (with its CSRF token in
// `X-CSRF-Token`). Integrations add their own (e.g. Wintro's "Sync" button at
// `POST /admin/wintro/sync`): each starts a run, or joins the one already running, and the answer names
// the run.
import type { Request, Response } from 'express';
import type { RelayConfig } from '../config/relay';
import type { Config } from '../assembly/config';
import { describeIssues, HttpProblem, parseJson, requireJson } from '../http/problems';
import { leverId } from '../lever/webhook';
import { backfillOptions, backfillRequest, backfillStart } from '../opportunity/backfill';
import type { AdminRoute } from '../integrations/kit/server';
import type { TemporalActions } from './temporal-actions';
import type { Authorize } from '../console/auth';

export function adminStart<Section extends { enabled: boolean }>({
  relay,
  section,
  title,
  route,
  actions,
  authorize,
}: {
  relay: RelayConfig;
  /** The section under the settings in force, and what it misses to be set up. */
  section: () => { section: Section; missing: string[] };
  title: string;
  route: AdminRoute<Section>;
  actions: TemporalActions;
  authorize: Authorize;
}) {
  return async (req: Request, res: Response): Promise<void> => {
    authorize(req, 'operator');
    const current = section();
    if (!current.section.enabled) throw new HttpProblem(409, `${title} is switched off`);
    if (current.missing.length > 0) throw new HttpProblem(409, `${title} is not set up: ${current.missing.join('; ')}`);
    res.status(202).json(await actions.start(route.start(current.section, relay)));
  };
}

/**
 * `POST /admin/opportunities/:id/sync`: look at one opportunity again and act on its current state whatever
 * its age (a trigger whose facts are all news). Repeating it adds nothing: each fact acts once.
 */
export function manualSync({ actions, authorize, now = Date.now }: { actions: TemporalActions; authorize: Authorize; now?: () => number }) {
  return async (req: Request, res: Response): Promise<void> => {
    authorize(req, 'operator');
    const id = leverId.safeParse(req.params.id);
    if (!id.success) throw new HttpProblem(400, 'invalid opportunity id', describeIssues(id.error, 'id'));
    res.status(202).json(await actions.trigger(id.data, { source: 'manual', at: now(), actOnFactsSince: 0 }));
  };
}

/** `POST /admin/backfill {integration, posting?, stage?, appliedSince?, dryRun?}`: starts or joins that backfill. */
export function backfill({ current, actions, authorize }: { current: () => Config; actions: TemporalActions; authorize: Authorize }) {
  return async (req: Request, res: Response): Promise<void> => {
    authorize(req, 'operator');
    const config = current();
    requireJson(req.headers['content-type']);
    const request = backfillRequest.safeParse(parseJson(req.body as Buffer));
    if (!request.success) throw new HttpProblem(400, 'invalid backfill request', describeIssues(request.error));
    const options = backfillOptions(config, request.data);
    if ('problem' in options) throw new HttpProblem(400, 'invalid backfill request', [{ field: 'integration', message: options.problem }]);
    res.status(202).json(await actions.start(backfillStart(config, options)));
  };
}
