// The "API tokens" page and its two actions, for admins only: create a token (the page answers with its
// secret, shown this once: never in a URL, so never in a log or the browser's history) and revoke one
// (POST-redirect-GET). Both are audited by the tokens workflow with the signed-in person.
import type { Response, Router } from 'express';
import { HttpProblem } from '../../http/problems';
import { parseTokenRequest } from '../../tokens/request';
import type { TokensAccess } from '../../tokens/service';
import { frameOf, pageRoute, postRoute, queryText, sendPage, type Asker, type ConsoleContext } from '../context';
import { FieldErrors } from '../field-errors';
import { formBody, one } from '../form-body';
import { html, type Html } from '../html';
import { tokensPage, TOKENS_PATH, type TokensPageInput } from '../pages/tokens';

/** A whole number as a number; anything else as typed, so the request's schema names the field. */
const daysOf = (text: string): unknown => (text.trim() === '' ? undefined : /^\s*-?\d+\s*$/.test(text) ? Number(text) : text);

export function tokensRoutes(c: ConsoleContext, router: Router): void {
  const access = (): TokensAccess => {
    if (!c.deps.tokens) throw new HttpProblem(404, 'API tokens are not kept here');
    return c.deps.tokens;
  };
  const render = async (res: Response, asker: Asker, status: number, input: Omit<TokensPageInput, 'tokens' | 'audit'>, message?: Html) => {
    const tokens = access();
    const audit = await tokens.audit().catch(() => undefined);
    sendPage(
      res,
      status,
      tokensPage(frameOf(c, asker, 'API tokens', TOKENS_PATH, message), { ...input, tokens: tokens.list(c.now()), audit }),
    );
  };

  router.get(
    '/tokens',
    pageRoute(c, 'admin', async (req, res, asker) => {
      // The id, not the name, in the address: a link cannot make the page announce a revocation that did not happen.
      const revokedId = queryText(req, 'revoked');
      const revoked = access()
        .list(c.now())
        .find((token) => token.id === revokedId && token.state === 'revoked');
      const message = revoked ? html`Token ${revoked.name} revoked: every API refuses it within 2 s.` : undefined;
      await render(res, asker, 200, { errors: new FieldErrors(), typed: {} }, message);
    }),
  );

  router.post(
    '/tokens',
    postRoute(c, 'admin', async (req, res, asker) => {
      const body = formBody(req.body);
      const typed = { name: one(body, 'name') ?? '', role: one(body, 'role') ?? '', expiresInDays: one(body, 'expiresInDays') ?? '' };
      try {
        const request = parseTokenRequest({ name: typed.name, role: typed.role, expiresInDays: daysOf(typed.expiresInDays) }, c.now());
        const { token, view } = await access().create(request, asker.actor, 'console');
        await render(
          res,
          asker,
          201,
          { errors: new FieldErrors(), typed: {}, created: { name: view.name, token } },
          html`Token ${view.name} created.`,
        );
      } catch (error) {
        if (!(error instanceof HttpProblem) || (error.status !== 400 && error.status !== 409)) throw error;
        const fields = error.fields ?? [];
        await render(res, asker, error.status, {
          errors: new FieldErrors(fields),
          typed,
          ...(fields.length === 0 ? { refusal: error.message } : {}),
        });
      }
    }),
  );

  router.post(
    '/tokens/:id/revoke',
    postRoute(c, 'admin', async (req, res, asker) => {
      const view = await access().revoke(String(req.params.id), asker.actor, 'console');
      res.redirect(303, `${TOKENS_PATH}?revoked=${view.id}`);
    }),
  );
}
