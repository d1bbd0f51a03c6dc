// The named API tokens' JSON API, for admins (the console's "API tokens" page does the same):
//   GET    /admin/tokens         {tokens: [...]}: name, role, state, created by/at, expiry, last use (never a secret or hash)
//   POST   /admin/tokens         {name, role, expiresInDays | expiresAt} -> 201 with `token`, the secret: shown this once
//   DELETE /admin/tokens/<id>    revoked: every API refuses it within 2 s; revoking again answers the same
//   GET    /admin/tokens/audit   who created or revoked which token, when (newest first)
import type { Request, Response } from 'express';
import type { Authorize } from '../console/auth';
import { parseJson, requireJson } from '../http/problems';
import type { TokenAuditEntry } from '../tokens/messages';
import { parseTokenRequest } from '../tokens/request';
import type { TokensAccess } from '../tokens/service';
import type { TokenView } from '../tokens/view';

const iso = (at: number) => new Date(at).toISOString();

/** A token as JSON: times as ISO 8601. */
export function tokenJson(view: TokenView) {
  return {
    ...view,
    createdAt: iso(view.createdAt),
    expiresAt: iso(view.expiresAt),
    ...(view.lastUsedAt !== undefined ? { lastUsedAt: iso(view.lastUsedAt) } : {}),
    ...(view.revokedAt !== undefined ? { revokedAt: iso(view.revokedAt) } : {}),
  };
}

const auditJson = (entry: TokenAuditEntry) => ({ ...entry, at: iso(entry.at), expiresAt: iso(entry.expiresAt) });

export function tokensRoutes({ authorize, tokens, now = Date.now }: { authorize: Authorize; tokens: TokensAccess; now?: () => number }) {
  return {
    list: async (req: Request, res: Response): Promise<void> => {
      authorize(req, 'admin');
      res.json({ tokens: tokens.list(now()).map(tokenJson) });
    },
    create: async (req: Request, res: Response): Promise<void> => {
      const actor = authorize(req, 'admin');
      requireJson(req.headers['content-type']);
      const request = parseTokenRequest(parseJson(req.body as Buffer), now());
      const created = await tokens.create(request, actor, 'api');
      res.status(201).json({
        ...tokenJson(created.view),
        token: created.token,
        warning: 'This is the only time the token is shown: the relay keeps only its hash.',
      });
    },
    revoke: async (req: Request, res: Response): Promise<void> => {
      const actor = authorize(req, 'admin');
      res.json(tokenJson(await tokens.revoke(String(req.params.id), actor, 'api')));
    },
    audit: async (req: Request, res: Response): Promise<void> => {
      authorize(req, 'admin');
      res.json({ changes: (await tokens.audit()).map(auditJson) });
    },
  };
}
