// Who may do what, over real HTTP against a whole test relay (API, worker, sandbox, the test Temporal): every
// `/admin/*` route, every console page and action and the codec endpoint, asked by every kind of asker
// (nobody; viewer, operator and admin named API tokens; the ADMIN_TOKEN bearer; viewer, operator and admin
// console sessions). One table: each row is a route, its least role and what an allowed asker gets; the
// expected status of every (route, asker) pair follows from it: 401 without credentials (303 to the sign-in
// page for a console page), 403 below the role, else the route's own answer. The rows are checked against
// the routes the API has registered, so a new route cannot be missing from the table.
import { ADMIN_TOKEN_SUBJECT } from '../../src/console/auth';
import { allows, type Role } from '../../src/console/roles';
import { encodeSession, newSession, SESSION_COOKIE } from '../../src/console/session';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { http } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';
import { registeredRoutes } from '../harness/routes';

jest.setTimeout(240_000);

type Asker =
  | { name: 'nobody'; kind: 'nobody' }
  | { name: string; kind: 'token' | 'session'; role: Role }
  | { name: 'ADMIN_TOKEN'; kind: 'admin-token'; role: 'admin' };

const roleOf = (asker: Asker): Role | undefined => (asker.kind === 'nobody' ? undefined : asker.role);

interface Call {
  /** The concrete path (and query). */
  url: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

interface Row {
  method: string;
  /** The route as the API registered it (`/admin/tokens/:id`). */
  route: string;
  /** `public`: anyone, signed in or not. */
  minimum: Role | 'public';
  /** What an allowed asker gets. */
  allowed: number;
  call: (asker: Asker) => Call;
  /** When the answer depends on who asks otherwise than by role. */
  expect?: (asker: Asker) => number;
}

/** What every relay knows about the tokens and settings the rows use, found before the table runs. */
interface Fixture {
  /** Revoked by every admin in turn: the first revokes it, the others find it revoked (the same answer). */
  apiVictim: string;
  consoleVictim: string;
  settingsVersion: number;
  sweepInterval: string;
  /** A backfill (a preview) that exists, for its progress page. */
  backfillId: string;
}

function rows(f: Fixture): Row[] {
  const at =
    (url: string, extra: Omit<Call, 'url'> = {}) =>
    () => ({ url, ...extra });
  return [
    // The JSON API.
    { method: 'GET', route: '/admin/settings', minimum: 'viewer', allowed: 200, call: at('/admin/settings') },
    { method: 'GET', route: '/admin/settings/audit', minimum: 'viewer', allowed: 200, call: at('/admin/settings/audit') },
    {
      method: 'PUT',
      route: '/admin/settings/:group',
      minimum: 'admin',
      allowed: 200,
      // A change that changes nothing: every admin's answer is the same version.
      call: at('/admin/settings/lever', { json: {}, headers: { 'if-match': `"${f.settingsVersion}"` } }),
    },
    { method: 'GET', route: '/admin/lever/stages', minimum: 'admin', allowed: 200, call: at('/admin/lever/stages') },
    { method: 'GET', route: '/admin/lever/postings', minimum: 'admin', allowed: 200, call: at('/admin/lever/postings') },
    { method: 'GET', route: '/admin/lever/users', minimum: 'admin', allowed: 200, call: at('/admin/lever/users') },
    {
      method: 'POST',
      route: '/admin/opportunities/:id/sync',
      minimum: 'operator',
      allowed: 202,
      call: at('/admin/opportunities/access-table-1/sync', { json: {} }),
    },
    {
      method: 'POST',
      route: '/admin/backfill',
      minimum: 'operator',
      allowed: 202,
      call: at('/admin/backfill', { json: { integration: 'willo', dryRun: true } }),
    },
    { method: 'POST', route: '/admin/wintro/sync', minimum: 'operator', allowed: 202, call: at('/admin/wintro/sync', { json: {} }) },
    { method: 'GET', route: '/admin/issues', minimum: 'viewer', allowed: 200, call: at('/admin/issues') },
    { method: 'GET', route: '/admin/issues/audit', minimum: 'viewer', allowed: 200, call: at('/admin/issues/audit') },
    // No issue has this id: an allowed asker is told so.
    {
      method: 'POST',
      route: '/admin/issues/:id/acknowledge',
      minimum: 'operator',
      allowed: 404,
      call: at('/admin/issues/no-such-issue/acknowledge', { json: {} }),
    },
    {
      method: 'POST',
      route: '/admin/issues/:id/mute',
      minimum: 'operator',
      allowed: 404,
      call: at('/admin/issues/no-such-issue/mute', { json: { for: '1h' } }),
    },
    { method: 'GET', route: '/admin/tokens', minimum: 'admin', allowed: 200, call: at('/admin/tokens') },
    { method: 'GET', route: '/admin/tokens/audit', minimum: 'admin', allowed: 200, call: at('/admin/tokens/audit') },
    {
      method: 'POST',
      route: '/admin/tokens',
      minimum: 'admin',
      allowed: 201,
      call: (asker) => ({ url: '/admin/tokens', json: { name: `table-api-${asker.name}`, role: 'viewer', expiresInDays: 1 } }),
    },
    { method: 'DELETE', route: '/admin/tokens/:id', minimum: 'admin', allowed: 200, call: at(`/admin/tokens/${f.apiVictim}`) },

    // The console: pages redirect a visitor to sign in; actions answer 401.
    { method: 'GET', route: '/console/', minimum: 'public', allowed: 303, call: at('/console/') },
    { method: 'GET', route: '/console/assets/:name', minimum: 'public', allowed: 200, call: at('/console/assets/console.css') },
    {
      method: 'GET',
      route: '/console/sign-in',
      minimum: 'public',
      allowed: 200,
      call: at('/console/sign-in'),
      // Whoever is known already goes on to the console.
      expect: (asker) => (asker.kind === 'nobody' ? 200 : 303),
    },
    {
      method: 'POST',
      route: '/console/sign-in',
      minimum: 'public',
      allowed: 303,
      call: at('/console/sign-in', { form: { token: SANDBOX_ADMIN_TOKEN } }),
    },
    { method: 'POST', route: '/console/sign-out', minimum: 'viewer', allowed: 303, call: at('/console/sign-out', { form: {} }) },
    { method: 'GET', route: '/console/integrations', minimum: 'viewer', allowed: 200, call: at('/console/integrations') },
    { method: 'GET', route: '/console/lever', minimum: 'viewer', allowed: 200, call: at('/console/lever') },
    { method: 'POST', route: '/console/lever/webhooks', minimum: 'admin', allowed: 303, call: at('/console/lever/webhooks', { form: {} }) },
    { method: 'GET', route: '/console/audit', minimum: 'viewer', allowed: 200, call: at('/console/audit') },
    { method: 'GET', route: '/console/settings/:group', minimum: 'viewer', allowed: 200, call: at('/console/settings/willo') },
    {
      method: 'POST',
      route: '/console/settings/:group',
      minimum: 'admin',
      allowed: 303,
      // The form as the page shows it: nothing changed, so nothing is saved.
      call: at('/console/settings/lever', { form: { version: String(f.settingsVersion), sweepInterval: f.sweepInterval } }),
    },
    {
      method: 'POST',
      route: '/console/settings/:group/run/:index',
      minimum: 'operator',
      allowed: 303,
      call: at('/console/settings/wintro/run/0', { form: {} }),
    },
    { method: 'GET', route: '/console/actions', minimum: 'viewer', allowed: 200, call: at('/console/actions') },
    {
      method: 'POST',
      route: '/console/actions/sync',
      minimum: 'operator',
      allowed: 303,
      call: at('/console/actions/sync', { form: { opportunity: 'access-table-2' } }),
    },
    {
      method: 'POST',
      route: '/console/actions/backfill',
      minimum: 'operator',
      allowed: 303,
      call: at('/console/actions/backfill', { form: { integration: 'willo', _action: 'preview' } }),
    },
    {
      method: 'GET',
      route: '/console/actions/backfill',
      minimum: 'viewer',
      allowed: 200,
      call: at(`/console/actions/backfill?id=${encodeURIComponent(f.backfillId)}`),
    },
    { method: 'GET', route: '/console/issues', minimum: 'viewer', allowed: 200, call: at('/console/issues') },
    {
      method: 'POST',
      route: '/console/issues/:id/acknowledge',
      minimum: 'operator',
      allowed: 404,
      call: at('/console/issues/no-such-issue/acknowledge', { form: {} }),
    },
    {
      method: 'POST',
      route: '/console/issues/:id/mute',
      minimum: 'operator',
      allowed: 404,
      call: at('/console/issues/no-such-issue/mute', { form: { for: '1h' } }),
    },
    { method: 'GET', route: '/console/tokens', minimum: 'admin', allowed: 200, call: at('/console/tokens') },
    {
      method: 'POST',
      route: '/console/tokens',
      minimum: 'admin',
      allowed: 201,
      call: (asker) => ({ url: '/console/tokens', form: { name: `table-console-${asker.name}`, role: 'viewer', expiresInDays: '1' } }),
    },
    {
      method: 'POST',
      route: '/console/tokens/:id/revoke',
      minimum: 'admin',
      allowed: 303,
      call: at(`/console/tokens/${f.consoleVictim}/revoke`, { form: {} }),
    },

    // The codec: decrypted payloads are candidate data (operators and admins).
    { method: 'OPTIONS', route: '/codec/{*path}', minimum: 'public', allowed: 204, call: at('/codec/decode') },
    { method: 'POST', route: '/codec/decode', minimum: 'operator', allowed: 200, call: at('/codec/decode', { json: { payloads: [] } }) },
    { method: 'POST', route: '/codec/encode', minimum: 'operator', allowed: 200, call: at('/codec/encode', { json: { payloads: [] } }) },
  ];
}

function expected(row: Row, asker: Asker): number {
  if (row.expect) return row.expect(asker);
  if (row.minimum === 'public') return row.allowed;
  const role = roleOf(asker);
  if (role === undefined) return row.method === 'GET' && row.route.startsWith('/console/') ? 303 : 401;
  return allows(role, row.minimum) ? row.allowed : 403;
}

/** The routes the table is about: everything a person or script with credentials may reach. */
const GUARDED = /^\/(admin|console|codec)(\/|$)/;
/** Where the API mounts its routers (the console's, the codec's). */
const MOUNT_POINTS = ['/console', '/codec'];

describe('access: every route x every asker, over HTTP', () => {
  let relay: TestRelay;
  const askers: Asker[] = [{ name: 'nobody', kind: 'nobody' }];
  /** Named tokens' strings and sessions' cookies (with their CSRF tokens), by asker name. */
  const bearers = new Map<string, string>();
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  let fixture: Fixture;

  const asAdmin = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
  async function createToken(name: string, role: Role): Promise<{ id: string; token: string }> {
    const created = await http<{ id: string; token: string }>(
      'POST',
      `${relay.apiUrl}/admin/tokens`,
      { name, role, expiresInDays: 1 },
      asAdmin,
    );
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    relay = await startTestRelay();
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const name = `${role}-token`;
      bearers.set(name, (await createToken(`table-${role}`, role)).token);
      askers.push({ name, kind: 'token', role });
    }
    askers.push({ name: 'ADMIN_TOKEN', kind: 'admin-token', role: 'admin' });
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const name = `${role}-session`;
      // A signed session of that role: how a named person's sign-in ends.
      const session = newSession(`someone-${role}@example.com`, role, Date.now());
      sessions.set(name, { cookie: `${SESSION_COOKIE}=${encodeSession(session, SANDBOX_ADMIN_TOKEN)}`, csrf: session.csrf });
      askers.push({ name, kind: 'session', role });
    }
    const settings = await http<{ version: number; groups: { id: string; fields: { name: string; value: unknown }[] }[] }>(
      'GET',
      `${relay.apiUrl}/admin/settings`,
      undefined,
      asAdmin,
    );
    const sweep = settings.body.groups.find((g) => g.id === 'lever')!.fields.find((f) => f.name === 'sweepInterval')!;
    const backfill = await http<{ workflowId: string }>(
      'POST',
      `${relay.apiUrl}/admin/backfill`,
      { integration: 'willo', dryRun: true },
      asAdmin,
    );
    expect(backfill.status).toBe(202);
    fixture = {
      backfillId: backfill.body.workflowId,
      apiVictim: (await createToken('table-api-victim', 'viewer')).id,
      consoleVictim: (await createToken('table-console-victim', 'viewer')).id,
      settingsVersion: settings.body.version,
      sweepInterval: String(sweep.value),
    };
  }, 180_000);
  afterAll(() => relay?.stop());

  async function ask(row: Row, asker: Asker): Promise<number> {
    const call = row.call(asker);
    const headers: Record<string, string> = { ...call.headers };
    let body: string | undefined;
    if (asker.kind === 'token') headers.authorization = `Bearer ${bearers.get(asker.name)}`;
    if (asker.kind === 'admin-token') headers.authorization = `Bearer ${SANDBOX_ADMIN_TOKEN}`;
    const session = asker.kind === 'session' ? sessions.get(asker.name) : undefined;
    if (session) headers.cookie = session.cookie;
    // A session's change carries its CSRF token, as the console's own pages send it.
    if (session && row.method !== 'GET') headers['x-csrf-token'] = session.csrf;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ ...call.form, ...(session ? { _csrf: session.csrf } : {}) }).toString();
    }
    const response = await fetch(`${relay.apiUrl}${call.url}`, {
      method: row.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    await response.text();
    return response.status;
  }

  it('lists every guarded route the API registered, once', () => {
    const registered = registeredRoutes(relay.app.router, MOUNT_POINTS)
      .filter((r) => GUARDED.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    const listed = rows(fixture).map((r) => `${r.method} ${r.route}`);
    expect(listed.slice().sort()).toEqual([...new Set(registered)].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('answers each asker as its role allows', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const row of rows(fixture)) {
      // Every asker of a row at once; rows one after the other (a row may depend on the one before, e.g. revoked).
      const statuses = await Promise.all(askers.map((asker) => ask(row, asker)));
      askers.forEach((asker, i) => {
        got.push(`${row.method} ${row.route} ${asker.name} -> ${statuses[i]}`);
        want.push(`${row.method} ${row.route} ${asker.name} -> ${expected(row, asker)}`);
      });
    }
    expect(got).toEqual(want);
  });

  it('tells a person below the role which role a page needs (not that the form is stale)', async () => {
    const response = await fetch(`${relay.apiUrl}/console/tokens`, { headers: { cookie: sessions.get('viewer-session')!.cookie } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('You may not open this: this needs the admin role (you are viewer).');
  });

  it('names the asker in the audit: admin-token, token:<name>, the person of a session', async () => {
    const audit = await http<{ changes: { actor: string; action: string; name: string; via: string }[] }>(
      'GET',
      `${relay.apiUrl}/admin/tokens/audit`,
      undefined,
      asAdmin,
    );
    const created = (name: string) => audit.body.changes.find((c) => c.action === 'create' && c.name === name);
    expect(created('table-api-ADMIN_TOKEN')).toMatchObject({ actor: ADMIN_TOKEN_SUBJECT, via: 'api' });
    expect(created('table-api-admin-token')).toMatchObject({ actor: 'token:table-admin', via: 'api' });
    expect(created('table-api-admin-session')).toMatchObject({ actor: 'someone-admin@example.com', via: 'api' });
    expect(created('table-console-admin-session')).toMatchObject({ actor: 'someone-admin@example.com', via: 'console' });
    // Nobody below admin created one.
    expect(created('table-api-operator-token')).toBeUndefined();
    expect(created('table-console-viewer-session')).toBeUndefined();
    // Revoked once, though every admin asked.
    expect(audit.body.changes.filter((c) => c.action === 'revoke' && c.name === 'table-api-victim')).toHaveLength(1);
  });
});
