// Signing in (through the OIDC provider, routes/oidc.ts, or with the admin token: a session cookie for 8 hours)
// and out (the cookie cleared, then the provider's own sign-out for an OIDC session, if it has one). The admin
// token sign-in is the break-glass account: always admin, logged as such, named `admin-token` in the audit log.
import type { Router } from 'express';
import { ADMIN_TOKEN_SUBJECT, isAdminToken } from '../auth';
import { pageAsker, postRoute, safeNext, sendPage, SIGN_IN_PATH, queryText, type ConsoleContext } from '../context';
import { formBody, one } from '../form-body';
import { signedOutPage, signInPage, type SignInPageOptions } from '../pages/sign-in';
import { clearSessionCookie, newSession, sessionOf, setSessionCookie } from '../session';
import { SignInLimiter } from '../sign-in-limiter';

const DISABLED = 'The console is disabled: the relay has no ADMIN_TOKEN.';

export function signInRoutes(c: ConsoleContext, router: Router): void {
  const limiter = new SignInLimiter(c.now);
  const publicUrl = () => c.deps.config.api.publicUrl;
  const provider = c.deps.oidc;
  const page = (options: SignInPageOptions) => signInPage({ ...options, ...(provider ? { provider: provider.name } : {}) });

  router.get('/sign-in', (req, res) => {
    const next = safeNext(queryText(req, 'next'));
    if (c.adminToken && pageAsker(c, req)) return res.redirect(303, next);
    sendPage(res, c.adminToken ? 200 : 403, page({ next, ...(c.adminToken ? {} : { problem: DISABLED }) }));
  });

  router.post('/sign-in', (req, res) => {
    const body = formBody(req.body);
    const next = safeNext(one(body, 'next'));
    if (!c.adminToken) return sendPage(res, 403, page({ next, problem: DISABLED }));
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (limiter.blocked(address)) {
      const seconds = limiter.retryAfterSeconds(address);
      res.setHeader('retry-after', String(seconds));
      return sendPage(res, 429, page({ next, problem: `Too many failed sign-ins. Try again in ${seconds} s.` }));
    }
    if (!isAdminToken(one(body, 'token') ?? '', c.adminToken)) {
      limiter.fail(address);
      return sendPage(res, 401, page({ next, problem: 'That is not the admin token.' }));
    }
    const now = c.now();
    setSessionCookie(res, req, publicUrl(), newSession(ADMIN_TOKEN_SUBJECT, 'admin', now), c.adminToken, now);
    // Where people sign in through OIDC, the admin token is for emergencies: its every use should stand out.
    c.deps.logger?.[provider ? 'warn' : 'info'](
      { actor: ADMIN_TOKEN_SUBJECT, role: 'admin', via: 'break-glass', address },
      'console sign-in',
    );
    res.redirect(303, next);
  });

  router.post(
    '/sign-out',
    postRoute(c, 'viewer', async (req, res) => {
      const idToken = sessionOf(req, c.adminToken, c.now())?.idToken;
      clearSessionCookie(res, req, publicUrl());
      // Also end the provider's session, or the next "Sign in with ..." would sign the same person in unasked.
      const providerSignOut = idToken && provider ? await provider.signOutUrl(idToken, `${publicUrl()}${SIGN_IN_PATH}`) : undefined;
      if (providerSignOut) return sendPage(res, 200, signedOutPage({ provider: provider!.name, signOutUrl: providerSignOut.href }));
      res.redirect(303, SIGN_IN_PATH);
    }),
  );
}
