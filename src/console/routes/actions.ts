// Sync one opportunity now; preview and run a backfill, and follow its progress.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Request, Response, Router } from 'express';
import { integrationParts } from '../../assembly/config';
import type { FieldProblem } from '../../http/problems';
import { describeIssues, HttpProblem } from '../../http/problems';
import { backfillOptions, backfillRequest, backfillStart } from '../../opportunity/backfill';
import { bulkProgressQuery, type BulkProgress } from '../../opportunity/messages';
import { frameOf, pageRoute, postRoute, queryText, sendPage, type Asker, type ConsoleContext } from '../context';
import { FieldErrors } from '../field-errors';
import { formBody, one } from '../form-body';
import { html, type Html } from '../html';
import { loadChoices } from '../lever-choices';
import { parseOpportunityRef } from '../opportunity-ref';
import { actionsPage, backfillPage, type BackfillChoice } from '../pages/actions';
import { workflowUiUrl } from './workflow-links';

const ACTIONS_PATH = '/console/actions';
/** A worker answers a query within this, or the page says it is waiting for one. */
const QUERY_TIMEOUT_MS = 3_000;

function backfillChoices(c: ConsoleContext): BackfillChoice[] {
  const groups = c.deps.settings.view().groups;
  return integrationParts(c.current())
    .filter((p) => 'opportunity' in p.integration)
    .map((p) => ({
      name: p.integration.name,
      title: p.integration.title,
      enabled: groups.find((g) => g.id === p.integration.name)?.enabled ?? p.section.enabled,
    }));
}

async function render(
  c: ConsoleContext,
  res: Response,
  asker: Asker,
  status: number,
  problems: FieldProblem[],
  typed: Record<string, string>,
  message?: Html,
): Promise<void> {
  const choices = await loadChoices(c.deps.lever, { stages: true, postings: true });
  sendPage(
    res,
    status,
    actionsPage(frameOf(c, asker, 'Actions', ACTIONS_PATH, message), {
      integrations: backfillChoices(c),
      choices,
      errors: new FieldErrors(problems),
      typed,
    }),
  );
}

function syncedMessage(c: ConsoleContext, req: Request): Html | undefined {
  const workflowId = queryText(req, 'synced');
  if (!workflowId) return undefined;
  return html`Sync asked of <a href="${workflowUiUrl(c, workflowId)}" rel="noreferrer">${workflowId}</a>: it looks at the opportunity again
    now.`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A backfill's progress: its result once done, else its query (answered by a worker). */
async function progressOf(c: ConsoleContext, workflowId: string): Promise<{ progress?: BulkProgress; problem?: string }> {
  const handle = c.deps.client.workflow.getHandle(workflowId);
  try {
    const { status } = await handle.describe();
    if (status.name === 'COMPLETED') return { progress: (await handle.result()) as BulkProgress };
    if (status.name !== 'RUNNING') return { problem: `The backfill ended without finishing: ${status.name.toLowerCase()}.` };
    const progress = await withTimeout(handle.query(bulkProgressQuery), QUERY_TIMEOUT_MS);
    return progress ? { progress } : { problem: 'No worker has answered yet; this page tries again every 2 s.' };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new HttpProblem(404, `there is no backfill ${workflowId}`);
    return { problem: `Its progress could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function actionsRoutes(c: ConsoleContext, router: Router): void {
  router.get(
    '/actions',
    pageRoute(c, 'viewer', async (req, res, asker) => render(c, res, asker, 200, [], {}, syncedMessage(c, req))),
  );

  router.post(
    '/actions/sync',
    postRoute(c, 'operator', async (req, res, asker) => {
      const typed = one(formBody(req.body), 'opportunity') ?? '';
      const ref = parseOpportunityRef(typed);
      if ('problem' in ref) return render(c, res, asker, 400, [{ field: 'opportunity', message: ref.problem }], { opportunity: typed });
      const outcome = await c.deps.actions.trigger(ref.id, { source: 'manual', at: c.now(), actOnFactsSince: 0 });
      const workflowId = 'workflowId' in outcome ? outcome.workflowId : ref.id;
      res.redirect(303, `${ACTIONS_PATH}?synced=${encodeURIComponent(workflowId)}`);
    }),
  );

  router.post(
    '/actions/backfill',
    postRoute(c, 'operator', async (req, res, asker) => {
      const body = formBody(req.body);
      const typed = Object.fromEntries(['integration', 'posting', 'stage', 'appliedSince'].map((k) => [k, (one(body, k) ?? '').trim()]));
      const request = backfillRequest.safeParse({
        integration: typed.integration,
        ...(typed.posting ? { posting: typed.posting } : {}),
        ...(typed.stage ? { stage: typed.stage } : {}),
        ...(typed.appliedSince ? { appliedSince: typed.appliedSince } : {}),
        dryRun: one(body, '_action') !== 'run',
      });
      if (!request.success) return render(c, res, asker, 400, describeIssues(request.error), typed);
      const config = c.current();
      const options = backfillOptions(config, request.data);
      if ('problem' in options) return render(c, res, asker, 400, [{ field: 'integration', message: options.problem }], typed);
      const outcome = await c.deps.actions.start(backfillStart(config, options, c.now()));
      const workflowId = 'workflowId' in outcome ? outcome.workflowId : '';
      res.redirect(303, `${ACTIONS_PATH}/backfill?id=${encodeURIComponent(workflowId)}`);
    }),
  );

  router.get(
    '/actions/backfill',
    pageRoute(c, 'viewer', async (req, res, asker) => {
      const workflowId = queryText(req, 'id') ?? '';
      // Only backfills: this page is no window onto any other process.
      if (!/^lever-backfill\/[\x21-\x7E]{1,300}$/.test(workflowId)) throw new HttpProblem(404, 'no such backfill');
      const { progress, problem } = await progressOf(c, workflowId);
      const title = workflowId.endsWith('/dry-run') ? 'Backfill preview' : 'Backfill';
      sendPage(
        res,
        200,
        backfillPage(frameOf(c, asker, title, ACTIONS_PATH), {
          workflowId,
          temporalUiUrl: workflowUiUrl(c, workflowId),
          progress,
          ...(problem ? { problem } : {}),
        }),
      );
    }),
  );
}
