// Admin endpoints, protected by `Authorization: Bearer <ADMIN_TOKEN>`. `POST /admin/wintro/sync` is
// Wintro's "Sync" button: it starts the vacancy sync, or joins the one already running, so two clicks in
// a row give one run; the answer names the run.
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { wintroSyncRun } from '../wintro-schedule';
import { workflowIds } from '../workflow-ids';
import { HttpProblem } from './http-errors';
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

export function wintroSyncNow({ config, actions }: { config: Pick<Config, 'api' | 'wintro' | 'temporal'>; actions: TemporalActions }) {
  return async (req: Request, res: Response): Promise<void> => {
    requireAdmin(req, config.api.adminToken);
    if (!config.wintro.enabled) throw new HttpProblem(409, 'Wintro is switched off (WINTRO_ENABLED)');
    const outcome = await actions.start({
      kind: 'start',
      ...wintroSyncRun(config.temporal.taskQueue),
      workflowId: workflowIds.wintroSync(config.temporal.taskQueue),
      onConflict: 'join-running',
    });
    res.status(202).json(outcome);
  };
}
