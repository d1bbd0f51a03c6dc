// Signing in with the admin token (a session cookie for 8 hours) and out (the cookie cleared).
import type { Router } from 'express';
import { ADMIN_TOKEN_SUBJECT, isAdminToken } from '../auth';
import { pageAsker, postRoute, safeNext, sendPage, SIGN_IN_PATH, queryText, type ConsoleContext } from '../context';
import { formBody, one } from '../form-body';
import { signInPage } from '../pages/sign-in';
import { clearSessionCookie, newSession, setSessionCookie } from '../session';
import { SignInLimiter } from '../sign-in-limiter';

export function signInRoutes(c: ConsoleContext, router: Router): void {
  const limiter = new SignInLimiter(c.now);
  const publicUrl = c.deps.config.api.publicUrl;

  router.get('/sign-in', (req, res) => {
    const next = safeNext(queryText(req, 'next'));
    if (c.adminToken && pageAsker(c, req)) return res.redirect(303, next);
    sendPage(
      res,
      c.adminToken ? 200 : 403,
      signInPage({ next, ...(c.adminToken ? {} : { problem: 'The console is disabled: the relay has no ADMIN_TOKEN.' }) }),
    );
  });

  router.post('/sign-in', (req, res) => {
    const body = formBody(req.body);
    const next = safeNext(one(body, 'next'));
    if (!c.adminToken) return sendPage(res, 403, signInPage({ next, problem: 'The console is disabled: the relay has no ADMIN_TOKEN.' }));
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (limiter.blocked(address)) {
      const seconds = limiter.retryAfterSeconds(address);
      res.setHeader('retry-after', String(seconds));
      return sendPage(res, 429, signInPage({ next, problem: `Too many failed sign-ins. Try again in ${seconds} s.` }));
    }
    if (!isAdminToken(one(body, 'token') ?? '', c.adminToken)) {
      limiter.fail(address);
      return sendPage(res, 401, signInPage({ next, problem: 'That is not the admin token.' }));
    }
    const now = c.now();
    setSessionCookie(res, req, publicUrl, newSession(ADMIN_TOKEN_SUBJECT, 'admin', now), c.adminToken, now);
    res.redirect(303, next);
  });

  router.post(
    '/sign-out',
    postRoute(c, 'viewer', async (req, res) => {
      clearSessionCookie(res, req, publicUrl);
      res.redirect(303, SIGN_IN_PATH);
    }),
  );
}
