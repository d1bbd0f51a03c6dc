// The sign-in page: "Sign in with <provider>" when OIDC is configured, with the admin token kept below as the
// break-glass sign-in; the admin token alone otherwise. It has no navigation (nothing else is reachable yet).
import { html, type Html } from '../html';
import { document } from '../layout';

export interface SignInPageOptions {
  next: string;
  problem?: string;
  /** The OIDC provider's name, when people sign in through it. */
  provider?: string;
}

function tokenForm({ next, problem }: SignInPageOptions): Html {
  return html`<form method="post" action="/console/sign-in">
    <input type="hidden" name="next" value="${next}" />
    <label for="token">Admin token</label>
    <input type="password" id="token" name="token" autocomplete="current-password" required${problem ? html` aria-invalid="true"` : ''} />
    <button type="submit">Sign in</button>
  </form>`;
}

export function signInPage(options: SignInPageOptions): Html {
  const { next, problem, provider } = options;
  const alert = problem ? html`<p role="alert" class="notice error">${problem}</p>` : '';
  // "Sign in with" is a link, not a form: the CSP's form-action 'self' would stop a form's redirect to the provider.
  const body = provider
    ? html`<header>
          <h1>Lever Relay</h1>
          <p class="muted">Sign in to the console with your ${provider} account.</p>
        </header>
        ${alert}
        <p>
          <a role="button" href="/console/oidc/start?next=${encodeURIComponent(next)}">Sign in with ${provider}</a>
        </p>
        <details${problem ? html` open` : ''}>
          <summary>Break-glass: sign in with the admin token</summary>
          <p class="muted">
            For when ${provider} cannot be reached. Every use is logged, and the audit log names it <code>admin-token</code>.
          </p>
          ${tokenForm(options)}
        </details>`
    : html`<header>
          <h1>Lever Relay</h1>
          <p class="muted">Sign in to the console with the relay's admin token (the <code>ADMIN_TOKEN</code> it was started with).</p>
        </header>
        ${alert} ${tokenForm(options)}`;
  return document('Sign in', '', html`<main class="container sign-in"><article>${body}</article></main>`);
}

/** A short page that moves on to `url` by itself (a meta refresh, no script), with a link for when it does not. */
function movingOnPage(title: string, message: Html | string, url: string, link: Html | string): Html {
  return document(
    title,
    html`<meta http-equiv="refresh" content="0; url=${url}" />`,
    html`<main class="container narrow">
      <article>
        <h1>${title}</h1>
        <p>${message}</p>
        <p><a href="${url}">${link}</a></p>
      </article>
    </main>`,
  );
}

/**
 * After the provider's redirect: a page of ours that moves on by itself, because the new SameSite=Strict
 * session cookie goes only with a navigation that starts on our site.
 */
export function signedInPage({ email, next }: { email: string; next: string }): Html {
  return movingOnPage('Signed in', `You are signed in as ${email}.`, next, 'Continue to the console');
}

/**
 * After signing out of the console, on to the provider's own sign-out (the CSP's form-action 'self' would
 * stop the sign-out form's redirect to another site).
 */
export function signedOutPage({ provider, signOutUrl }: { provider: string; signOutUrl: string }): Html {
  return movingOnPage('Signed out', 'You are signed out of the console.', signOutUrl, `Sign out of ${provider} too`);
}

/** An answer that is not a page of its own: a refusal, a missing page, an error. */
export function problemPage({ title, message, signedIn }: { title: string; message: string; signedIn: boolean }): Html {
  return document(
    title,
    '',
    html`<main class="container narrow">
      <article>
        <h1>${title}</h1>
        <p>${message}</p>
        <p>${signedIn ? html`<a href="/console/integrations">Back to the console</a>` : html`<a href="/console/sign-in">Sign in</a>`}</p>
      </article>
    </main>`,
  );
}
