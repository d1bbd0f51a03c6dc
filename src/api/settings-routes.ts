// The settings' JSON API, which the console's pages use and scripts may too:
//   GET /admin/settings                 every group's fields, their values, sources and locks; the version (also the ETag)
//   PUT /admin/settings/<group>         one group's fields, with `If-Match: <version>`; 400 naming each field, 409 when stale
//   GET /admin/settings/audit           who changed what, when, old -> new (newest first)
//   GET /admin/lever/{stages,postings,users}   Lever's live lists the values are picked from
import type { Request, Response } from 'express';
import type { Authorize } from '../console/auth';
import { HttpProblem, parseJson, requireJson } from '../http/problems';
import { SettingsRejected, type SettingsAccess } from '../settings/access';
import type { LeverLists } from '../settings/lever-lists';

export interface SettingsRouteDeps {
  authorize: Authorize;
  settings: SettingsAccess;
  lists: LeverLists;
}

/** `If-Match: 7` or `"7"` (an ETag); required, so a script cannot overwrite a change it has not seen. */
export function expectedVersion(header: string | undefined): number {
  if (!header) throw new HttpProblem(428, 'If-Match: <version> is required (the version GET /admin/settings answered)');
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header);
  if (!match)
    throw new HttpProblem(400, 'If-Match must be a settings version such as "7"', [{ field: 'If-Match', message: 'not a version' }]);
  return Number(match[1]);
}

export function settingsRoutes({ authorize, settings, lists }: SettingsRouteDeps) {
  return {
    read: async (req: Request, res: Response): Promise<void> => {
      authorize(req, 'viewer');
      const view = settings.view();
      res.setHeader('etag', `"${view.version}"`);
      res.json(view);
    },
    change: async (req: Request, res: Response): Promise<void> => {
      const actor = authorize(req, 'admin');
      requireJson(req.headers['content-type']);
      const version = expectedVersion(req.get('if-match'));
      const patch = parseJson(req.body as Buffer);
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
        throw new HttpProblem(400, 'the body must be an object of settings, e.g. {"triggerStages": ["<stage id>"]}');
      try {
        const saved = await settings.change(String(req.params.group), patch as Record<string, unknown>, version, actor, 'api');
        const view = settings.view();
        res.setHeader('etag', `"${saved.version}"`);
        res.json({ version: saved.version, group: view.groups.find((g) => g.id === req.params.group) });
      } catch (error) {
        if (!(error instanceof SettingsRejected)) throw error;
        if (error.status === 409) {
          res.status(409).json({ error: error.message, version: settings.view().version, changes: error.changes });
          return;
        }
        throw new HttpProblem(400, error.message, error.fields);
      }
    },
    audit: async (req: Request, res: Response): Promise<void> => {
      authorize(req, 'viewer');
      res.json({ changes: await settings.audit() });
    },
    list: (which: keyof LeverLists) => async (req: Request, res: Response) => {
      authorize(req, 'admin');
      try {
        res.json({ data: await lists[which]() });
      } catch (error) {
        throw new HttpProblem(503, `Lever's ${which} cannot be read now: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
