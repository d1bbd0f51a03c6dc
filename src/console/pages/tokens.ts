// The "API tokens" page (admins only): the named tokens scripts use instead of the shared ADMIN_TOKEN, each
// with its role, who created it and when, its expiry and last use, and a "Revoke" button; the form that
// creates one; a new token's secret, shown this once with a warning; and who created or revoked which token.
import { ROLES } from '../roles';
import type { TokenAuditEntry } from '../../tokens/messages';
import { MAX_TOKEN_DAYS } from '../../tokens/request';
import type { TokenView } from '../../tokens/view';
import type { FieldErrors } from '../field-errors';
import { attr, html, type Html } from '../html';
import { csrfField, page, type Frame } from '../layout';
import { auditTable, formatTime, when } from './audit';
import { selectField, textField } from './form-fields';

export const TOKENS_PATH = '/console/tokens';

export interface TokensPageInput {
  tokens: TokenView[];
  /** Creations and revocations, newest first; undefined when they cannot be read now. */
  audit: TokenAuditEntry[] | undefined;
  errors: FieldErrors;
  /** What was typed, when the form is shown again. */
  typed: Record<string, string>;
  /** Why the form was refused, when no field is to blame. */
  refusal?: string;
  /** A token just created: its string is shown this once. */
  created?: { name: string; token: string };
}

const STATE_BADGE: Record<TokenView['state'], Html> = {
  active: html`<span class="badge ok">active</span>`,
  expired: html`<span class="badge off">expired</span>`,
  revoked: html`<span class="badge fail">revoked</span>`,
};

function newTokenNotice({ name, token }: { name: string; token: string }): Html {
  return html`<article class="new-token" aria-labelledby="new-token-heading">
    <h2 id="new-token-heading">New token "${name}"</h2>
    <p class="notice warn">
      Copy it now: this is the only time it is shown. The relay keeps only its hash; if it is lost, revoke it and create another.
    </p>
    <label for="new-token">Token</label>
    <input type="text" id="new-token" value="${token}" readonly class="token-secret" autocomplete="off" spellcheck="false" />
    <small>Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</small>
  </article>`;
}

function row(token: TokenView, csrf: string): Html {
  return html`<tr>
    <td><strong>${token.name}</strong><br /><small class="muted field-name">${token.id}</small></td>
    <td>${token.role}</td>
    <td>
      ${STATE_BADGE[token.state]}
      ${token.revokedAt !== undefined ? html`<br /><small>by ${token.revokedBy}, ${when(token.revokedAt)}</small>` : ''}
    </td>
    <td>${token.createdBy}<br /><small>${when(token.createdAt)}</small></td>
    <td>${when(token.expiresAt)}</td>
    <td>${token.lastUsedAt !== undefined ? when(token.lastUsedAt) : html`<span class="muted">never</span>`}</td>
    <td>
      ${
        token.state === 'revoked'
          ? ''
          : html`<form method="post" action="${TOKENS_PATH}/${token.id}/revoke">
              ${csrfField(csrf)}<button type="submit" class="secondary outline" aria-label="Revoke ${token.name}">Revoke</button>
            </form>`
      }
    </td>
  </tr>`;
}

function tokenTable(tokens: TokenView[], csrf: string): Html {
  if (tokens.length === 0) return html`<p class="muted">No API tokens yet.</p>`;
  return html`<div class="overflow-auto">
    <table class="striped tokens">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">State</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col" aria-label="Actions"></th>
        </tr>
      </thead>
      <tbody>
        ${tokens.map((token) => row(token, csrf))}
      </tbody>
    </table>
  </div>`;
}

function createForm(csrf: string, errors: FieldErrors, typed: Record<string, string>, refusal?: string): Html {
  const role = typed.role ?? 'viewer';
  const rest = [...(refusal ? [refusal] : []), ...errors.unclaimed()];
  return html`<article aria-labelledby="create-heading">
    <h2 id="create-heading">Create a token</h2>
    <form method="post" action="${TOKENS_PATH}" novalidate>
      ${csrfField(csrf)}
      <div class="grid">
        ${textField('name', 'Name', 'text', typed.name ?? '', errors, 'What uses it, e.g. ci-deploy: the audit log names its changes token:<name>')}
        ${selectField(
          'role',
          'Role',
          ROLES.map((r) => html`<option value="${r}" ${attr('selected', r === role)}>${r}</option>`),
          errors,
        )}
        ${textField('expiresInDays', 'Expires in (days)', 'number', typed.expiresInDays ?? '90', errors, `1 to ${MAX_TOKEN_DAYS}`)}
      </div>
      ${rest.length > 0 ? html`<p role="alert" class="notice error">${rest.join('; ')}</p>` : ''}
      <div class="form-actions"><button type="submit">Create token</button></div>
    </form>
  </article>`;
}

function tokensAudit(audit: TokenAuditEntry[] | undefined): Html {
  if (audit === undefined) return html`<p class="notice warn">The changes cannot be read right now (no worker answered).</p>`;
  return auditTable(audit, [
    {
      heading: 'Change',
      cell: (e) => `${e.action === 'create' ? 'created' : 'revoked'} ${e.name} (${e.role}, expires ${formatTime(e.expiresAt)})`,
    },
  ]);
}

export function tokensPage(frame: Frame, { tokens, audit, errors, typed, refusal, created }: TokensPageInput): Html {
  return page(
    frame,
    html`<p class="muted">
        Named tokens for scripts: each has a role and an expiry, is sent as <code>Authorization: Bearer &lt;token&gt;</code>, and stops
        working on every API within 2 s of being revoked. The <code>ADMIN_TOKEN</code> remains the break-glass admin.
      </p>
      ${created ? newTokenNotice(created) : ''}
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        ${tokenTable(tokens, frame.csrf)}
      </section>
      ${createForm(frame.csrf, errors, typed, refusal)}
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes</h2>
        ${tokensAudit(audit)}
      </section>`,
  );
}
