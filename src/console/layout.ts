// The frame of every signed-in page: head (our two stylesheets, nothing inline), one navigation with the
// console's sections, a link per integration's settings and the "Sign out" button, then the page's own
// content. Each page passes what it knows; the layout never reaches for data itself.
import { CSRF_FIELD } from './csrf';
import { html, type Html, type Interpolation } from './html';
import { allows, type Role } from './roles';

export interface NavGroup {
  id: string;
  title: string;
}

export interface Frame {
  /** The page's `<h1>` and the first part of its `<title>`. */
  title: string;
  /** Which entry of the navigation is this page (its path). */
  current: string;
  csrf: string;
  /** The asker's role: the navigation shows only the sections it may open. */
  role: Role;
  /** The integrations, one settings link each. */
  groups: NavGroup[];
  /** A short confirmation shown at the top (`role="status"`). */
  status?: Interpolation;
  /** Issues not resolved, counted in the navigation's "Issues" link. */
  issues?: number;
  /** Seconds after which the browser reloads the page (progress that is still moving); no script needed. */
  refreshSeconds?: number;
}

/** [path, text, the least role that may open it]. */
const SECTIONS: [string, string, Role][] = [
  ['/console/integrations', 'Integrations', 'viewer'],
  ['/console/lever', 'Lever', 'viewer'],
  ['/console/actions', 'Actions', 'viewer'],
  ['/console/audit', 'Audit log', 'viewer'],
  ['/console/tokens', 'API tokens', 'admin'],
];

export function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}" />`;
}

function link(path: string, text: string, current: string): Html {
  return html`<li><a href="${path}" ${current === path ? html` aria-current="page"` : ''}>${text}</a></li>`;
}

/** "Issues" with the count of issues not resolved, so every page shows that something needs a person. */
function issuesLink(frame: Frame): Html {
  const count = frame.issues ?? 0;
  const current = frame.current === ISSUES_PATH ? html` aria-current="page"` : '';
  return html`<li>
    <a href="${ISSUES_PATH}" ${current}
      >Issues${count > 0 ? html` <mark class="issue-count" aria-label="${count} not resolved">${count}</mark>` : ''}</a
    >
  </li>`;
}

export const ISSUES_PATH = '/console/issues';

function navigation(frame: Frame): Html {
  return html`<nav class="console-nav" aria-label="Console">
    <ul class="brand">
      <li><a href="/console/integrations" class="brand-name">Lever Relay</a></li>
    </ul>
    <ul class="sections">
      ${SECTIONS.filter(([, , minimum]) => allows(frame.role, minimum)).map(([path, text]) => link(path, text, frame.current))}
      ${issuesLink(frame)}
    </ul>
    <ul class="integrations" aria-label="Settings">
      ${frame.groups.map((g) => link(`/console/settings/${g.id}`, g.title, frame.current))}
    </ul>
    <form method="post" action="/console/sign-out" class="sign-out">
      ${csrfField(frame.csrf)}<button type="submit" class="secondary outline">Sign out</button>
    </form>
  </nav>`;
}

/** A whole document; `body` is the page's own content under its heading. */
export function document(title: string, head: Interpolation, body: Interpolation): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>${title} · Lever Relay</title>
        <link rel="stylesheet" href="/console/assets/pico.min.css" />
        <link rel="stylesheet" href="/console/assets/console.css" />
        ${head}
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}

export function page(frame: Frame, content: Interpolation): Html {
  const refresh = frame.refreshSeconds ? html`<meta http-equiv="refresh" content="${frame.refreshSeconds}" />` : '';
  return document(
    frame.title,
    refresh,
    html`<header class="container">${navigation(frame)}</header>
      <main class="container">
        <h1>${frame.title}</h1>
        ${frame.status ? html`<p role="status" class="flash">${frame.status}</p>` : ''} ${content}
      </main>`,
  );
}
