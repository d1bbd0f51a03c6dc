// What each console route starts from: who is asking (a session, or a script's bearer token), the CSRF token
// its forms carry, and the frame of its page. Pages redirect a visitor who is not signed in to the sign-in
// page; a state-changing request without a session or its CSRF token is refused (401 / 403).
import type { Request, Response } from 'express';
import { HttpProblem } from '../http/problems';
import { requireActor, type Actor } from './auth';
import { requireRole, type Role } from './roles';
import type { Config } from '../assembly/config';
import type { ConsoleDeps } from './index';
import type { Frame } from './layout';
import { sessionOf } from './session';

export interface Asker {
  actor: Actor;
  /** The session's CSRF token; empty for a bearer request (which needs none). */
  csrf: string;
}

export interface ConsoleContext {
  deps: ConsoleDeps;
  now: () => number;
  adminToken: string;
  /** The configuration with the settings in force: what a backfill or an admin action runs with. */
  current: () => Config;
}

export const SIGN_IN_PATH = '/console/sign-in';
export const HOME_PATH = '/console/integrations';

/** Where to go after signing in: only a console page of ours, never another site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[^\\]*)?$/.test(next) && !next.startsWith('//') && !next.includes('//')
    ? next
    : HOME_PATH;
}

/** The asker of a page request, or undefined when nobody is signed in. A wrong bearer token is a 401. */
export function pageAsker(c: ConsoleContext, req: Request): Asker | undefined {
  if (req.get('authorization') !== undefined) return { actor: requireActor(req, c.adminToken, 'viewer', c.now()), csrf: '' };
  if (!c.adminToken) throw new HttpProblem(403, 'the console is disabled: set ADMIN_TOKEN');
  const session = sessionOf(req, c.adminToken, c.now());
  return session ? { actor: { id: session.sub, via: 'session', role: session.role }, csrf: session.csrf } : undefined;
}

/**
 * The asker of a state-changing request: 401 without a session or token, 403 without the session's CSRF
 * token or with a role below `minimum`.
 */
export function postAsker(c: ConsoleContext, req: Request, minimum: Role): Asker {
  const actor = requireActor(req, c.adminToken, minimum, c.now());
  return { actor, csrf: sessionOf(req, c.adminToken, c.now())?.csrf ?? '' };
}

/**
 * A page route for `minimum` and above: signed-in askers get the page (a 403 if their role is too small),
 * others the sign-in page (and then this page again).
 */
export function pageRoute(c: ConsoleContext, minimum: Role, render: (req: Request, res: Response, asker: Asker) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    const asker = pageAsker(c, req);
    if (!asker) {
      res.redirect(303, `${SIGN_IN_PATH}?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    requireRole(asker.actor.role, minimum);
    await render(req, res, asker);
  };
}

/** A state-changing route for `minimum` and above (the role is checked before anything is read or done). */
export function postRoute(c: ConsoleContext, minimum: Role, handle: (req: Request, res: Response, asker: Asker) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => handle(req, res, postAsker(c, req, minimum));
}

/** The frame of a page: its title, where it is in the navigation, the integrations' settings links. */
export function frameOf(c: ConsoleContext, asker: Asker, title: string, current: string, status?: Frame['status']): Frame {
  const groups = c.deps.settings
    .view()
    .groups.filter((g) => g.integration)
    .map(({ id, title: text }) => ({ id, title: text }));
  const issues = c.deps.issues?.unresolved();
  return {
    title,
    current,
    csrf: asker.csrf,
    role: asker.actor.role,
    groups,
    ...(issues !== undefined ? { issues } : {}),
    ...(status ? { status } : {}),
  };
}

/** One query-string value as text (express gives strings, lists or objects). */
export function queryText(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function sendPage(res: Response, status: number, body: { toString(): string }): void {
  res.status(status).type('html').send(body.toString());
}
