// Who may do what, over HTTP: every console page and action and every `/admin/*` route, asked without
// credentials, as a viewer, an operator, an admin (sessions) and with the ADMIN_TOKEN (bearer). Without
// credentials a page sends the visitor to sign in (303) and anything else is 401; a role too small is 403;
// an allowed asker gets past the gate (whatever the fake or absent Temporal then answers).
import { Client, Connection } from '@temporalio/client';
import type { Server } from 'node:http';
import { createApp } from '../../src/api';
import { loadConfig } from '../../src/assembly/config';
import { encodeSession, newSession, SESSION_COOKIE } from '../../src/console/session';
import type { Role } from '../../src/console/roles';
import { createLogger } from '../../src/logger';
import { listen } from '../harness/http';
import { ADMIN_TOKEN, startFakeConsole, type FakeConsole } from './console-fakes';

/** Stands for an answer that did not come within 3 s: the request was let through, and waits for Temporal. */
const PAST_THE_GATE = 0;

type Asker = 'nobody' | Role | 'admin-token';
const ASKERS: Asker[] = ['nobody', 'viewer', 'operator', 'admin', 'admin-token'];

/** A signed session of that role (how a named person's sign-in ends), with its CSRF token. */
function sessionOf(role: Role): { cookie: string; csrf: string } {
  const session = newSession(`someone-${role}@example.com`, role, Date.now());
  return { cookie: `${SESSION_COOKIE}=${encodeSession(session, ADMIN_TOKEN)}`, csrf: session.csrf };
}

async function ask(base: string, method: string, path: string, asker: Asker, json: boolean): Promise<number> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (asker === 'admin-token') headers.authorization = `Bearer ${ADMIN_TOKEN}`;
  const session = asker === 'nobody' || asker === 'admin-token' ? undefined : sessionOf(asker);
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (method !== 'GET') {
    headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
    body = json ? '{}' : new URLSearchParams({ _csrf: session?.csrf ?? '' }).toString();
  }
  try {
    // The gate answers at once; an allowed request may then wait for a Temporal that is not there.
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(3_000) });
    await response.text();
    return response.status;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return PAST_THE_GATE;
    throw error;
  }
}

/** [method, path, the least role allowed]. */
const CONSOLE: [string, string, Role][] = [
  ['GET', '/console/integrations', 'viewer'],
  ['GET', '/console/lever', 'viewer'],
  ['GET', '/console/actions', 'viewer'],
  ['GET', '/console/audit', 'viewer'],
  ['GET', '/console/settings/willo', 'viewer'],
  ['GET', '/console/actions/backfill?id=lever-backfill/willo/abc', 'viewer'],
  ['POST', '/console/sign-out', 'viewer'],
  ['POST', '/console/actions/sync', 'operator'],
  ['POST', '/console/actions/backfill', 'operator'],
  ['POST', '/console/settings/wintro/run/0', 'operator'],
  ['POST', '/console/settings/willo', 'admin'],
  ['POST', '/console/lever/webhooks', 'admin'],
];

const ADMIN: [string, string, Role][] = [
  ['GET', '/admin/settings', 'viewer'],
  ['GET', '/admin/settings/audit', 'viewer'],
  ['PUT', '/admin/settings/willo', 'admin'],
  ['GET', '/admin/lever/stages', 'admin'],
  ['GET', '/admin/lever/postings', 'admin'],
  ['GET', '/admin/lever/users', 'admin'],
  ['POST', '/admin/opportunities/abc-123/sync', 'operator'],
  ['POST', '/admin/backfill', 'operator'],
  ['POST', '/admin/wintro/sync', 'operator'],
];

const ORDER: Role[] = ['viewer', 'operator', 'admin'];

/** What the gate answers: 303 (pages) or 401 without credentials, 403 below the role, else past it. */
function expected(method: string, minimum: Role, asker: Asker, consolePage: boolean): number | 'past' {
  if (asker === 'nobody') return consolePage && method === 'GET' ? 303 : 401;
  const role: Role = asker === 'admin-token' ? 'admin' : asker;
  return ORDER.indexOf(role) >= ORDER.indexOf(minimum) ? 'past' : 403;
}

const outcome = (status: number): number | 'past' => (status === 303 || status === 401 || status === 403 ? status : 'past');

describe('roles: every route x asker', () => {
  let fake: FakeConsole;
  beforeAll(async () => {
    fake = await startFakeConsole();
  });
  afterAll(() => fake.close());

  it('console pages and actions', async () => {
    const table: string[] = [];
    const want: string[] = [];
    for (const [method, path, minimum] of CONSOLE)
      for (const asker of ASKERS) {
        const status = await ask(fake.url, method, path, asker, false);
        // An allowed sign-out or action redirects (303): past the gate, unlike the 303 to the sign-in page.
        const got = asker !== 'nobody' && status === 303 ? 'past' : outcome(status);
        table.push(`${method} ${path} ${asker} -> ${got}`);
        want.push(`${method} ${path} ${asker} -> ${expected(method, minimum, asker, true)}`);
      }
    expect(table).toEqual(want);
  });

  it('/admin routes', async () => {
    // Never reached by a refused request; an allowed one may find Temporal unreachable (503): past the gate.
    const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const config = loadConfig({ ADMIN_TOKEN, WINTRO_ENABLED: 'true' });
    const { server, url }: { server: Server; url: string } = await listen(
      createApp({ config, client, logger: createLogger('api', 'silent') }),
    );
    try {
      // All at once: the allowed ones each wait up to 3 s for the absent Temporal.
      const cases = ADMIN.flatMap(([method, path, minimum]) => ASKERS.map((asker) => ({ method, path, minimum, asker })));
      const table = await Promise.all(
        cases.map(async ({ method, path, asker }) => `${method} ${path} ${asker} -> ${outcome(await ask(url, method, path, asker, true))}`),
      );
      expect(table).toEqual(
        cases.map(({ method, path, minimum, asker }) => `${method} ${path} ${asker} -> ${expected(method, minimum, asker, false)}`),
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
