// Signing in through the OpenID Connect provider: `/console/oidc/start` begins a flow (its state, nonce and
// PKCE verifier sealed in a cookie of this browser) and sends the browser to the provider;
// `/console/oidc/callback` takes the provider's answer once, checks it belongs to that flow (the library checks
// the rest: code exchange with the verifier, ID token signature, issuer, audience, expiry, nonce), gives the
// person a role from the configured lists, and starts their session. Any refusal is a page that says why, and
// no session.
import { randomBytes } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { queryText, safeNext, sendPage, type ConsoleContext } from '../context';
import { clearFlowCookie, flowOf, FLOW_TTL_MS, setFlowCookie } from '../oidc/flow';
import { personOf } from '../oidc/person';
import { ProviderUnreachableError, type OidcProvider } from '../oidc/provider';
import { problemPage, signedInPage } from '../pages/sign-in';
import { newSession, setSessionCookie } from '../session';

export const OIDC_CALLBACK_PATH = '/console/oidc/callback';

const random = () => randomBytes(32).toString('base64url');

export function oidcRoutes(c: ConsoleContext, router: Router, provider: OidcProvider): void {
  // Read at each request: the API's public URL is what the provider redirects to (tests learn it after listening).
  const publicUrl = () => c.deps.config.api.publicUrl;
  const log = c.deps.logger;

  /** A sign-in that did not complete: said to the person, logged for whoever runs the relay, no session. */
  const refuse = (req: Request, res: Response, status: number, title: string, message: string, reason = message) => {
    log?.warn({ via: 'oidc', status, reason, address: req.ip }, 'console sign-in refused');
    sendPage(res, status, problemPage({ title, message, signedIn: false }));
  };

  router.get('/oidc/start', async (req, res) => {
    const now = c.now();
    const flow = { state: random(), nonce: random(), verifier: random(), next: safeNext(queryText(req, 'next')), exp: now + FLOW_TTL_MS };
    let to: URL;
    try {
      to = await provider.authorizationUrl(flow, `${publicUrl()}${OIDC_CALLBACK_PATH}`);
    } catch (error) {
      if (!(error instanceof ProviderUnreachableError)) throw error;
      res.setHeader('retry-after', '30');
      return refuse(
        req,
        res,
        503,
        'Cannot reach the identity provider',
        `${error.message}. Try again shortly, or use the break-glass sign-in.`,
      );
    }
    setFlowCookie(res, req, publicUrl(), flow, c.adminToken, now);
    res.redirect(303, to.href);
  });

  router.get('/oidc/callback', async (req, res) => {
    const now = c.now();
    const flow = flowOf(req, c.adminToken, now);
    // A flow is answered once, whatever the answer: a replayed callback finds no flow.
    clearFlowCookie(res, req, publicUrl());
    if (!flow)
      return refuse(
        req,
        res,
        400,
        'Sign-in not completed',
        'This browser has no sign-in under way: it expired (after 10 minutes), was already completed, or was started elsewhere. Sign in again.',
        'no sign-in flow cookie (expired, replayed or forged)',
      );
    if (queryText(req, 'state') !== flow.state)
      return refuse(
        req,
        res,
        400,
        'Sign-in not completed',
        'This answer does not belong to the sign-in this browser started (its state differs). Sign in again.',
        'state does not match the flow',
      );
    // Only now, with the state checked, is the provider's refusal known to be its own (not text planted in a link).
    const providerError = queryText(req, 'error');
    if (providerError) {
      const description = queryText(req, 'error_description');
      return refuse(
        req,
        res,
        401,
        'Sign-in not completed',
        `${provider.name} answered: ${providerError}${description ? ` (${description})` : ''}.`,
      );
    }

    let result: Awaited<ReturnType<OidcProvider['finish']>>;
    try {
      // The URL the provider redirected to (the registered one, whatever proxy is in front), with its answer.
      const callbackUrl = new URL(`${publicUrl()}${OIDC_CALLBACK_PATH}`);
      callbackUrl.search = new URL(req.originalUrl, callbackUrl).search;
      result = await provider.finish(callbackUrl, flow);
    } catch (error) {
      if (error instanceof ProviderUnreachableError)
        return refuse(req, res, 503, 'Cannot reach the identity provider', `${error.message}. Sign in again shortly.`);
      return refuse(
        req,
        res,
        401,
        'Sign-in not completed',
        `${provider.name}'s answer did not pass the relay's checks: ${(error as Error).message}. Sign in again.`,
      );
    }
    const who = personOf(result.claims, provider.config);
    if ('refused' in who) return refuse(req, res, 403, 'No access', who.refused);

    setSessionCookie(res, req, publicUrl(), newSession(who.person.email, who.person.role, now, result.idToken), c.adminToken, now);
    log?.info({ actor: who.person.email, role: who.person.role, via: 'oidc' }, 'console sign-in');
    // A page of ours, not a redirect: the browser came from the provider's site, and it sends the new
    // SameSite=Strict session cookie only with a navigation that starts here.
    sendPage(res, 200, signedInPage({ email: who.person.email, next: flow.next }));
  });
}
