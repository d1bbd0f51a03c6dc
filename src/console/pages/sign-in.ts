// The sign-in page: the admin token, nothing else. It has no navigation (nothing else is reachable yet).
import { html, type Html } from '../html';
import { document } from '../layout';

export function signInPage({ next, problem }: { next: string; problem?: string }): Html {
  return document(
    'Sign in',
    '',
    html`<main class="container sign-in">
      <article>
        <header>
          <h1>Lever Relay</h1>
          <p class="muted">Sign in to the console with the relay's admin token (the <code>ADMIN_TOKEN</code> it was started with).</p>
        </header>
        ${problem ? html`<p role="alert" class="notice error">${problem}</p>` : ''}
        <form method="post" action="/console/sign-in">
          <input type="hidden" name="next" value="${next}" />
          <label for="token">Admin token</label>
          <input
            type="password"
            id="token"
            name="token"
            autocomplete="current-password"
            required${problem ? html` aria-invalid="true"` : ''}
          />
          <button type="submit">Sign in</button>
        </form>
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
