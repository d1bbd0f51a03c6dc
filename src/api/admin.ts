// Admin endpoints, protected by `Authorization: Bearer <ADMIN_TOKEN>`. Integrations add their own (e.g.
// Wintro's "Sync" button at `POST /admin/wintro/sync`): each starts a run, or joins the one already
// running, and the answer names the run.
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RelayConfig } from '../config/relay';
import { HttpProblem } from '../http/problems';
import type { AdminRoute } from '../integrations/kit/server';
import type { TemporalActions } from './temporal-actions';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function requireAdmin(req: Request, adminToken: string): void {
  if (!adminToken) throw new HttpProblem(403, 'admin endpoints are disabled: set ADMIN_TOKEN');
  const given = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(adminToken))) {
    throw new HttpProblem(401, 'Authorization: Bearer <ADMIN_TOKEN> is required');
  }
}

export function adminStart<Section extends { enabled: boolean }>({
  relay,
  section,
  title,
  route,
  actions,
}: {
  relay: RelayConfig;
  section: Section;
  title: string;
  route: AdminRoute<Section>;
  actions: TemporalActions;
}) {
  return async (req: Request, res: Response): Promise<void> => {
    requireAdmin(req, relay.api.adminToken);
    if (!section.enabled) throw new HttpProblem(409, `${title} is switched off`);
    res.status(202).json(await actions.start(route.start(section, relay)));
  };
}
