// The Issues page and its two actions, audited by the issues workflow with the signed-in person.
import type { Router } from 'express';
import { muteUntil } from '../../api/issues-routes';
import { HttpProblem } from '../../http/problems';
import type { Issue } from '../../issues/kinds';
import { frameOf, pageRoute, postRoute, queryText, sendPage, type ConsoleContext } from '../context';
import { formBody, one } from '../form-body';
import { html } from '../html';
import { ISSUES_PATH } from '../layout';
import { issuesPage } from '../pages/issues';

export function issuesRoutes(c: ConsoleContext, router: Router): void {
  const live = () => {
    if (!c.deps.issues) throw new HttpProblem(404, 'issues are not kept here');
    return c.deps.issues;
  };
  router.get(
    '/issues',
    pageRoute(c, 'viewer', async (req, res, asker) => {
      let issues: Issue[] | undefined;
      try {
        issues = await live().list();
      } catch {
        issues = undefined;
      }
      const done = queryText(req, 'done');
      const status = done === 'acknowledged' ? html`Issue acknowledged.` : done === 'muted' ? html`Issue muted.` : undefined;
      sendPage(res, 200, issuesPage(frameOf(c, asker, 'Issues', ISSUES_PATH, status), issues));
    }),
  );
  router.post(
    '/issues/:id/acknowledge',
    postRoute(c, 'operator', async (req, res, asker) => {
      await live().acknowledge(String(req.params.id), asker.actor.id);
      res.redirect(303, `${ISSUES_PATH}?done=acknowledged`);
    }),
  );
  router.post(
    '/issues/:id/mute',
    postRoute(c, 'operator', async (req, res, asker) => {
      const body = formBody(req.body);
      const until = muteUntil({ for: one(body, 'for'), until: one(body, 'until') }, c.now());
      await live().mute(String(req.params.id), asker.actor.id, until);
      res.redirect(303, `${ISSUES_PATH}?done=muted`);
    }),
  );
}
