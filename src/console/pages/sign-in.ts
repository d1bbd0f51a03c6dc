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

/**
 * After the provider's redirect: a page of ours that moves on by itself (a meta refresh, no script), because
 * the new SameSite=Strict session cookie goes only with a navigation that starts on our site.
 */
export function signedInPage({ email, next }: { email: string; next: string }): Html {
  return document(
    'Signed in',
    html`<meta http-equiv="refresh" content="0; url=${next}" />`,
    html`<main class="container narrow">
      <article>
        <h1>Signed in</h1>
        <p>You are signed in as ${email}.</p>
        <p><a href="${next}">Continue to the console</a></p>
      </article>
    </main>`,
  );
}

/**
 * After signing out of the console, on to the provider's own sign-out (a meta refresh: the CSP's form-action
 * 'self' would stop the sign-out form's redirect to another site).
 */
export function signedOutPage({ provider, signOutUrl }: { provider: string; signOutUrl: string }): Html {
  return document(
    'Signed out',
    html`<meta http-equiv="refresh" content="0; url=${signOutUrl}" />`,
    html`<main class="container narrow">
      <article>
        <h1>Signed out</h1>
        <p>You are signed out of the console.</p>
        <p><a href="${signOutUrl}">Sign out of ${provider} too</a></p>
      </article>
    </main>`,
  );
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
