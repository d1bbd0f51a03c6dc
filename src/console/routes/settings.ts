// A group's settings page and its save: the form is parsed by field kind, saved through the settings
// service (which validates it against the same schemas and the live Lever lists), then POST-redirect-GET
// to "Saved". A refused change shows the page again with what was typed and each message beside its field;
// a stale one shows who changed what since, and the fresh form. Admin actions of an integration (Wintro's
// "Sync") start their run here too.
import type { Request, Response, Router } from 'express';
import { integrationParts } from '../../assembly/config';
import { HttpProblem } from '../../http/problems';
import type { GroupView } from '../../settings/view';
import { frameOf, pageRoute, postRoute, queryText, sendPage, type Asker, type ConsoleContext } from '../context';
import { SettingsRejected } from '../deps';
import { FieldErrors } from '../field-errors';
import { formBody, one } from '../form-body';
import { html, type Html } from '../html';
import { loadChoices } from '../lever-choices';
import { settingsPage, type AdminButton, type SettingsPageInput } from '../pages/settings';
import { applyRuleEdit, parseRuleEdit, rulesOf } from '../refty-rules-form';
import { parseSettingsForm } from '../settings-form';
import { workflowUiUrl } from './workflow-links';

const settingsPath = (group: GroupView) => `/console/settings/${group.id}`;

function groupOf(c: ConsoleContext, req: Request): { group: GroupView; version: number } {
  const view = c.deps.settings.view();
  const group = view.groups.find((g) => g.id === req.params.group);
  if (!group) throw new HttpProblem(404, `there are no settings called "${String(req.params.group)}"`);
  return { group, version: view.version };
}

function adminRoutesOf(c: ConsoleContext, group: GroupView) {
  return integrationParts(c.current()).find((p) => p.integration.name === group.id && group.integration);
}

/** "Sync" from `wintro/sync`. */
function buttonLabel(path: string): string {
  const word = (path.split('/').at(-1) ?? path).replace(/[-_]/g, ' ');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function adminButtons(c: ConsoleContext, group: GroupView): AdminButton[] {
  return (adminRoutesOf(c, group)?.server.admin ?? []).map((route, index) => ({
    label: buttonLabel(route.path),
    action: `${settingsPath(group)}/run/${index}`,
  }));
}

async function render(
  c: ConsoleContext,
  res: Response,
  asker: Asker,
  status: number,
  input: Omit<SettingsPageInput, 'choices' | 'adminButtons'>,
  message?: Html,
): Promise<void> {
  const kinds = new Set(input.group.fields.map((f) => f.kind.kind));
  const choices = await loadChoices(c.deps.lever, {
    stages: kinds.has('stages') || kinds.has('stage') || kinds.has('reftyRules'),
    postings: kinds.has('reftyRules'),
    users: kinds.has('user'),
  });
  // The relay's own group (`lever`) belongs under the Lever section; an integration's page is its own entry.
  const { group } = input;
  const frame = group.integration
    ? frameOf(c, asker, group.title, settingsPath(group), message)
    : frameOf(c, asker, `${group.title} settings`, `/console/${group.id}`, message);
  sendPage(res, status, settingsPage(frame, { ...input, choices, adminButtons: adminButtons(c, input.group) }));
}

function statusOf(c: ConsoleContext, req: Request): Html | undefined {
  if (queryText(req, 'saved') !== undefined) return html`Saved`;
  if (queryText(req, 'unchanged') !== undefined) return html`Nothing changed, so nothing was saved.`;
  const started = queryText(req, 'started');
  if (started) {
    const run = queryText(req, 'run');
    return html`Started <a href="${workflowUiUrl(c, started, run)}" rel="noreferrer">${started}</a>${run ? html` (run ${run})` : ''}.`;
  }
  return undefined;
}

export function settingsRoutes(c: ConsoleContext, router: Router): void {
  router.get(
    '/settings/:group',
    pageRoute(c, 'viewer', async (req, res, asker) => {
      const { group, version } = groupOf(c, req);
      await render(c, res, asker, 200, { group, version, errors: new FieldErrors() }, statusOf(c, req));
    }),
  );

  router.post(
    '/settings/:group',
    postRoute(c, 'admin', async (req, res, asker) => {
      const { group } = groupOf(c, req);
      const body = formBody(req.body);
      const form = parseSettingsForm(group, body);

      // "Add a rule", "Remove", "Add a step": the same form again, one rule or step more or less; not saved.
      const edit = parseRuleEdit(one(body, '_action'));
      if (edit) {
        for (const field of group.fields)
          if (field.kind.kind === 'reftyRules' && !field.lockedBy)
            form.values[field.name] = applyRuleEdit(rulesOf(form.values[field.name]), edit);
        return render(
          c,
          res,
          asker,
          200,
          { group, version: form.version, values: form.values, errors: new FieldErrors() },
          html`Not saved yet: press Save to keep your changes.`,
        );
      }

      if (form.problems.length > 0) {
        return render(c, res, asker, 400, {
          group,
          version: form.version,
          values: form.values,
          errors: new FieldErrors(form.problems),
          refusal: 'Not saved: some values are not valid.',
        });
      }
      if (Object.keys(form.patch).length === 0) return res.redirect(303, `${settingsPath(group)}?unchanged=1`);

      try {
        await c.deps.settings.change(group.id, form.patch, form.version, asker.actor, 'console');
        res.redirect(303, `${settingsPath(group)}?saved=1`);
      } catch (error) {
        if (!(error instanceof SettingsRejected)) throw error;
        if (error.status === 409) {
          const fresh = groupOf(c, req);
          return render(c, res, asker, 409, { ...fresh, errors: new FieldErrors(), conflict: error.changes });
        }
        return render(c, res, asker, 400, {
          group,
          version: form.version,
          values: form.values,
          errors: new FieldErrors(error.fields),
          refusal: `Not saved: ${error.message}`,
        });
      }
    }),
  );

  router.post(
    '/settings/:group/run/:index',
    postRoute(c, 'operator', async (req, res) => {
      const { group } = groupOf(c, req);
      const part = adminRoutesOf(c, group);
      const route = part?.server.admin?.[Number(req.params.index)];
      if (!part || !route) throw new HttpProblem(404, 'no such action');
      if (!group.enabled) throw new HttpProblem(409, `${group.title} is switched off: switch it on first`);
      const outcome = await c.deps.actions.start(route.start(part.section, c.current()));
      const workflowId = 'workflowId' in outcome ? outcome.workflowId : '';
      const run = 'runId' in outcome ? `&run=${encodeURIComponent(outcome.runId)}` : '';
      res.redirect(303, `${settingsPath(group)}?started=${encodeURIComponent(workflowId)}${run}`);
    }),
  );
}
