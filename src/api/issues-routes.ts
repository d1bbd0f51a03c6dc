// The issues' JSON API (the console's Issues page uses the same LiveIssues):
//   GET  /admin/issues                    {issues: [...]}, open first, each as src/issues/view.ts shapes it
//   POST /admin/issues/:id/acknowledge    a person has seen it (audited with the actor)
//   GET  /admin/issues/audit              who acknowledged or muted what, newest first
//   POST /admin/issues/:id/mute           {"until": "<ISO time>"} or {"for": "2h"}: counts, notifies nobody until then
import type { Request, Response } from 'express';
import ms from 'ms';
import type { Authorize } from '../console/auth';
import { HttpProblem, parseJson } from '../http/problems';
import type { LiveIssues } from '../issues/live';
import { issueView } from '../issues/view';

/** The end of a mute from `until` (a time) or `for` (a duration such as 2h), in epoch ms. */
export function muteUntil(body: { until?: unknown; for?: unknown }, now = Date.now()): number {
  if (typeof body.until === 'string' && body.until !== '') {
    const until = Date.parse(body.until);
    if (!Number.isFinite(until))
      throw new HttpProblem(400, 'until must be a time such as 2026-12-07T09:00:00Z', [{ field: 'until', message: 'not a time' }]);
    if (until <= now) throw new HttpProblem(400, 'until must be in the future', [{ field: 'until', message: 'in the past' }]);
    return until;
  }
  if (typeof body.for === 'string' && body.for !== '') {
    const duration = ms(body.for as ms.StringValue);
    if (typeof duration !== 'number' || duration <= 0)
      throw new HttpProblem(400, 'for must be a duration such as 2h', [{ field: 'for', message: 'not a duration' }]);
    return now + duration;
  }
  throw new HttpProblem(400, 'give until (a time) or for (a duration such as 2h)', [{ field: 'until', message: 'required' }]);
}

export function issuesRoutes({ authorize, issues }: { authorize: Authorize; issues: LiveIssues }) {
  const body = (req: Request): Record<string, unknown> => {
    const raw = req.body as Buffer | undefined;
    if (!raw || raw.length === 0) return {};
    const parsed = parseJson(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new HttpProblem(400, 'the body must be a JSON object');
    return parsed as Record<string, unknown>;
  };
  return {
    list: async (req: Request, res: Response): Promise<void> => {
      authorize(req, 'viewer');
      res.json({ issues: (await issues.list()).map(issueView) });
    },
    audit: async (req: Request, res: Response): Promise<void> => {
      authorize(req, 'viewer');
      const entries = await issues.audit();
      res.json({
        actions: entries.map((e) => ({
          ...e,
          at: new Date(e.at).toISOString(),
          ...(e.until ? { until: new Date(e.until).toISOString() } : {}),
        })),
      });
    },
    acknowledge: async (req: Request, res: Response): Promise<void> => {
      // Acknowledging and muting are an operator's (they change what notifies, not what the relay does).
      const actor = authorize(req, 'operator');
      res.json({ issue: issueView(await issues.acknowledge(String(req.params.id), actor.id)) });
    },
    mute: async (req: Request, res: Response): Promise<void> => {
      const actor = authorize(req, 'operator');
      res.json({ issue: issueView(await issues.mute(String(req.params.id), actor.id, muteUntil(body(req)))) });
    },
  };
}
