// The console over HTTP with fake deps (no Temporal, Lever or worker): who gets in, the session cookie and
// CSRF, the sign-in limit, the security headers, and the settings form's round trip through
// `settings.change`, including refusals shown beside their fields.
import express from 'express';
import { SettingsRejected } from '../../src/console/deps';
import { requireActor } from '../../src/console/auth';
import { html, raw } from '../../src/console/html';
import { CONTENT_SECURITY_POLICY } from '../../src/console';
import { parseOpportunityRef } from '../../src/console/opportunity-ref';
import { HttpProblem, sendProblem } from '../../src/http/problems';
import { listen } from '../harness/http';
import { ADMIN_TOKEN, AUDIT, startFakeConsole, type FakeConsole } from './console-fakes';

let fake: FakeConsole;
beforeEach(async () => {
  fake = await startFakeConsole();
});
afterEach(() => fake.close());

type Answer = { status: number; headers: Headers; text: string };

/** The page's markup with layout whitespace taken out (Prettier formats our html`` templates), for assertions. */
const squash = (markup: string) =>
  markup
    .replace(/\s+/g, ' ')
    .replace(/\s*\/?>/g, '>')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<');

async function request(
  method: string,
  path: string,
  { cookie, form, headers = {} }: { cookie?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = form
    ? new URLSearchParams(
        Object.entries(form).flatMap(([k, v]) =>
          Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]],
        ),
      )
    : undefined;
  const response = await fetch(`${fake.url}${path}`, {
    method,
    redirect: 'manual',
    headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    body: body?.toString(),
  });
  return { status: response.status, headers: response.headers, text: squash(await response.text()) };
}

/** Signs in; returns the cookie to send and the session's CSRF token (from a page's sign-out form). */
async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const answer = await request('POST', '/console/sign-in', { form: { token: ADMIN_TOKEN, next: '/console/integrations' } });
  expect(answer.status).toBe(303);
  const cookie = answer.headers.get('set-cookie')!.split(';')[0];
  const page = await request('GET', '/console/audit', { cookie });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  return { cookie, csrf };
}

const PAGES = [
  '/console',
  '/console/integrations',
  '/console/lever',
  '/console/actions',
  '/console/audit',
  '/console/settings/willo',
  '/console/settings/refty',
  '/console/actions/backfill?id=lever-backfill/willo/abc',
];
const POSTS = [
  '/console/sign-out',
  '/console/settings/willo',
  '/console/settings/wintro/run/0',
  '/console/lever/webhooks',
  '/console/actions/sync',
  '/console/actions/backfill',
];

describe('console access', () => {
  it('sends every page to the sign-in page (303) and refuses every change (401) without a session', async () => {
    for (const path of PAGES.slice(1)) {
      const answer = await request('GET', path);
      expect([path, answer.status]).toEqual([path, 303]);
      expect(answer.headers.get('location')).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
    }
    expect((await request('GET', '/console')).headers.get('location')).toBe('/console/integrations');
    for (const path of POSTS) expect([path, (await request('POST', path, { form: { a: 'b' } })).status]).toEqual([path, 401]);
  });

  it('refuses a wrong token, and the 6th failure within a minute gets 429', async () => {
    for (let i = 0; i < 5; i++) {
      const answer = await request('POST', '/console/sign-in', { form: { token: `wrong-${i}` } });
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('That is not the admin token.');
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    const sixth = await request('POST', '/console/sign-in', { form: { token: 'wrong-again' } });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right token waits until the minute is over.
    expect((await request('POST', '/console/sign-in', { form: { token: ADMIN_TOKEN } })).status).toBe(429);
  });

  it('signs in with the admin token: an HttpOnly, SameSite=Strict session cookie for 8 hours', async () => {
    const signInPage = await request('GET', '/console/sign-in');
    expect(signInPage.status).toBe(200);
    expect(signInPage.text).toContain('<label for="token">Admin token</label>');
    const answer = await request('POST', '/console/sign-in', { form: { token: ADMIN_TOKEN, next: '/console/settings/willo' } });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/console/settings/willo');
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^relay_console=[\w-]+\.[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=28800');
    expect(cookie).not.toContain('Secure');
    const page = await request('GET', '/console/settings/willo', { cookie: cookie.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<button type="submit" class="secondary outline">Sign out</button>');
  });

  it('marks the cookie Secure when the public URL is https, and never sends a visitor to another site after signing in', async () => {
    await fake.close();
    fake = await startFakeConsole({ config: (c) => (c.api.publicUrl = 'https://relay.example.com') });
    const answer = await request('POST', '/console/sign-in', { form: { token: ADMIN_TOKEN, next: '//evil.example.com/x' } });
    expect(answer.headers.get('set-cookie')).toContain('; Secure');
    expect(answer.headers.get('location')).toBe('/console/integrations');
  });

  it('ends a session after 8 hours', async () => {
    let clock = Date.parse('2026-12-01T09:00:00Z');
    await fake.close();
    fake = await startFakeConsole({ now: () => clock });
    const { cookie } = await signIn();
    clock += 8 * 60 * 60 * 1000 - 1_000;
    expect((await request('GET', '/console/audit', { cookie })).status).toBe(200);
    clock += 2_000;
    expect((await request('GET', '/console/audit', { cookie })).status).toBe(303);
  });

  it('refuses a tampered or foreign cookie', async () => {
    const { cookie } = await signIn();
    const [name, value] = cookie.split('=');
    const [payload, signature] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin-token', exp: Date.now() + 1e9, csrf: 'x' })).toString('base64url');
    for (const bad of [`${name}=${forged}.${signature}`, `${name}=${payload}.${signature.slice(1)}x`, `${name}=garbage`]) {
      expect((await request('GET', '/console/audit', { cookie: bad })).status).toBe(303);
    }
  });

  it('refuses a change without the CSRF token (403), and takes one with it or with the bearer token', async () => {
    const { cookie, csrf } = await signIn();
    const form = { version: '7', triggerStages: ['phone-screen', 'onsite'] };
    const refused = await request('POST', '/console/settings/willo', { cookie, form });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('This form is out of date');
    expect((await request('POST', '/console/settings/willo', { cookie, form: { ...form, _csrf: 'not-it' } })).status).toBe(403);
    expect(fake.change).not.toHaveBeenCalled();
    expect((await request('POST', '/console/settings/willo', { cookie, form: { ...form, _csrf: csrf } })).status).toBe(303);
    expect((await request('POST', '/console/settings/willo', { form, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(
      303,
    );
    expect(
      (await request('POST', '/console/settings/willo', { form, headers: { authorization: 'Bearer wrong-token-xxxxxxxx' } })).status,
    ).toBe(401);
    expect(fake.change).toHaveBeenCalledTimes(2);
    // Signing out needs the token too (no one can sign you out from another site), then clears the cookie.
    expect((await request('POST', '/console/sign-out', { cookie, form: {} })).status).toBe(403);
    const out = await request('POST', '/console/sign-out', { cookie, form: { _csrf: csrf } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^relay_console=;.*Max-Age=0/);
  });

  it('puts the security headers on every console answer', async () => {
    const { cookie } = await signIn();
    const answers = [
      await request('GET', '/console/sign-in'),
      await request('GET', '/console/integrations', { cookie }),
      await request('GET', '/console/assets/console.css'),
      await request('GET', '/console/no-such-page', { cookie }),
      await request('POST', '/console/settings/willo', { form: {} }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 401]);
    // No inline script or style anywhere: the CSP would block it.
    expect(answers[1].text).not.toMatch(/<script|style=/);
    expect((await request('GET', '/console/assets/pico.min.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await request('GET', '/console/assets/..%2Fsession.ts')).status).toBe(404);
  });

  it('lets a session with its CSRF header use the /admin routes (requireActor)', async () => {
    const { cookie, csrf } = await signIn();
    const app = express();
    app.post('/admin/thing', (req, res) => {
      try {
        res.json(requireActor(req, ADMIN_TOKEN, 'admin'));
      } catch (error) {
        sendProblem(res, error as HttpProblem);
      }
    });
    const { server, url } = await listen(app);
    try {
      const post = (headers: Record<string, string>) => fetch(`${url}/admin/thing`, { method: 'POST', headers });
      expect(await (await post({ cookie, 'x-csrf-token': csrf })).json()).toEqual({ id: 'admin-token', via: 'session', role: 'admin' });
      expect((await post({ cookie })).status).toBe(403);
      expect((await post({})).status).toBe(401);
      expect(await (await post({ authorization: `Bearer ${ADMIN_TOKEN}` })).json()).toEqual({
        id: 'admin-token',
        via: 'bearer',
        role: 'admin',
      });
    } finally {
      server.close();
    }
  });
});

describe('console pages', () => {
  it('shows the integrations with their state, processes, Temporal UI link and health ("checking..." first)', async () => {
    let release!: () => void;
    await fake.close();
    fake = await startFakeConsole({
      checks: () =>
        new Promise((resolve) => {
          release = () =>
            resolve([
              { name: 'WILLO_TRIGGER_STAGES: stage "Panel"', ok: false, detail: 'no Lever stage has this id or name', fix: 'pick one' },
            ]);
        }),
    });
    const { cookie } = await signIn();
    const first = await request('GET', '/console/integrations', { cookie });
    expect(first.text).toContain('checking...');
    expect(first.text).toContain('Refty');
    expect(first.text).toContain('Rules is not set');
    expect(first.text).toContain('<strong>3</strong>running');
    expect(first.text).toContain(`/namespaces/default/workflows?query=${encodeURIComponent('RelayIntegration="willo"')}`);
    expect(fake.count).toHaveBeenCalledWith({
      namespace: 'default',
      query: 'RelayIntegration = "willo" AND ExecutionStatus = "Running" GROUP BY RelayStatus',
    });
    release();
    await new Promise((r) => setTimeout(r, 20));
    const second = await request('GET', '/console/integrations', { cookie });
    expect(second.text).toContain('no Lever stage has this id or name');
    expect(second.text).toContain('Fix: pick one');
    // Counts are cached for 5 s: three integrations, one count each.
    expect(fake.count).toHaveBeenCalledTimes(3);
    // The navigation: the sections and one link per integration.
    for (const name of ['Integrations', 'Lever', 'Actions', 'Audit log', 'Willo', 'Refty', 'Technical interviews'])
      expect(second.text).toContain(`>${name}</a>`);
  });

  it('counts running processes by status from one page where the server cannot group by RelayStatus', async () => {
    fake.count.mockImplementation(async ({ query }: { query: string }) => {
      if (query.includes('GROUP BY')) throw Object.assign(new Error('GROUP BY is only supported for ExecutionStatus'), { code: 3 });
      return { count: 3 };
    });
    const withStatus = (status: string) => ({
      searchAttributes: { indexedFields: { RelayStatus: { data: Buffer.from(JSON.stringify([status])) } } },
    });
    fake.list.mockResolvedValue({
      executions: [withStatus('invited'), withStatus('invited'), withStatus('to review')],
      nextPageToken: Buffer.from('more'),
    });
    const { cookie } = await signIn();
    const page = (await request('GET', '/console/integrations', { cookie })).text;
    expect(page).toContain('<span class="status-name">invited</span><strong>2</strong>');
    expect(page).toContain('<span class="status-name">to review</span><strong>1</strong>');
    expect(page).toContain('By status: the first 100 running.');
    expect(fake.list).toHaveBeenCalledWith({
      namespace: 'default',
      query: 'RelayIntegration = "willo" AND ExecutionStatus = "Running"',
      pageSize: 100,
    });
    // One grouped count per integration (three): the server refused it, so the statuses came from the list.
    expect(fake.count.mock.calls.filter(([r]) => r.query.includes('GROUP BY'))).toHaveLength(3);
  });

  it('renders each field by its kind, a lock as "set by", secrets as set / not set', async () => {
    const { cookie } = await signIn();
    const willo = (await request('GET', '/console/settings/willo', { cookie })).text;
    expect(willo).toContain('<label for="field-triggerStages">Trigger stages</label><select multiple');
    expect(willo).toMatch(/<option value="phone-screen" selected>Phone Screen<\/option><option value="onsite">On-site<\/option>/);
    expect(willo).toMatch(/<input type="text" id="field-account" name="account" value="acme" disabled>/);
    expect(willo).toContain('set by WILLO_ACCOUNT');
    expect(willo).toMatch(/<input type="checkbox" id="field-enabled" name="enabled" value="true" checked>/);
    expect(willo).toContain('<input type="hidden" name="version" value="7">');
    expect(willo).toMatch(/WILLO_API_KEY<\/code><\/td><td><span class="badge ok">set</);
    expect(willo).toMatch(/WILLO_CALLBACK_SECRET<\/code><\/td><td><span class="badge warn">not set</);
    const tech = (await request('GET', '/console/settings/tech-interview', { cookie })).text;
    // A stage given by name is shown as the stage it names.
    expect(tech).toContain('<option value="phone-screen" selected>Phone Screen</option>');
    expect(tech).toContain('<option value="rita@example.com">Rita Recruiter (rita@example.com)</option>');
    expect(tech).toContain('<label for="field-windowDays">Backfill window (days)</label><input type="number"');
    expect((await request('GET', '/console/settings/nope', { cookie })).status).toBe(404);
  });

  it('saves a settings form: the changed fields as a patch, then "Saved"', async () => {
    const { cookie, csrf } = await signIn();
    const answer = await request('POST', '/console/settings/willo', {
      cookie,
      form: {
        _csrf: csrf,
        version: '7',
        _action: 'save',
        enabled: 'true',
        triggerStages: ['phone-screen', 'onsite'],
        reminderAfter: '3d',
        account: 'ignored',
      },
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/console/settings/willo?saved=1');
    expect(fake.change).toHaveBeenCalledWith(
      'willo',
      { triggerStages: ['phone-screen', 'onsite'] },
      7,
      { id: 'admin-token', via: 'session', role: 'admin' },
      'console',
    );
    const saved = await request('GET', answer.headers.get('location')!, { cookie });
    expect(saved.text).toContain('<p role="status" class="flash">Saved</p>');

    // Unticking the switch is a change too (an unticked checkbox is not posted), and an emptied field is null.
    fake.change.mockClear();
    await request('POST', '/console/settings/willo', {
      cookie,
      form: { _csrf: csrf, version: '7', triggerStages: 'phone-screen', reminderAfter: '' },
    });
    expect(fake.change).toHaveBeenCalledWith('willo', { enabled: false, reminderAfter: null }, 7, expect.anything(), 'console');
  });

  it('shows a refused change with each message beside its field, keeping what was typed', async () => {
    fake.change.mockRejectedValueOnce(
      new SettingsRejected(400, 'invalid settings', [
        { field: 'triggerStages', message: 'no Lever stage "onsite-x"' },
        { field: 'reminderAfter', message: 'must be a duration such as 3d' },
      ]),
    );
    const { cookie, csrf } = await signIn();
    const answer = await request('POST', '/console/settings/willo', {
      cookie,
      form: { _csrf: csrf, version: '7', enabled: 'true', triggerStages: ['onsite'], reminderAfter: 'soon' },
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Not saved: invalid settings');
    // The summary at the top names each field and links to its control.
    expect(answer.text).toContain('<li><a href="#field-reminderAfter">Reminder after</a>: must be a duration such as 3d</li>');
    expect(answer.text).toMatch(
      /id="field-triggerStages"[^>]*aria-describedby="field-triggerStages-error field-triggerStages-help"[^>]*aria-invalid="true"/,
    );
    expect(answer.text).toMatch(
      /<select[^>]*id="field-triggerStages"[\s\S]*?<\/select><small id="field-triggerStages-error" class="field-error">no Lever stage &quot;onsite-x&quot;<\/small>/,
    );
    expect(answer.text).toMatch(
      /name="reminderAfter" value="soon"[^>]*><small id="field-reminderAfter-error" class="field-error">must be a duration such as 3d<\/small>/,
    );
    expect(answer.text).toContain('<option value="onsite" selected>On-site</option>');
    expect(answer.text).toContain('<option value="phone-screen">Phone Screen</option>');
  });

  it('on a stale version shows who changed what since, and the fresh form', async () => {
    fake.change.mockRejectedValueOnce(new SettingsRejected(409, 'the settings changed since version 6', [], AUDIT));
    const { cookie, csrf } = await signIn();
    const answer = await request('POST', '/console/settings/willo', {
      cookie,
      form: { _csrf: csrf, version: '6', enabled: 'true', triggerStages: ['onsite'] },
    });
    expect(answer.status).toBe(409);
    expect(answer.text).toContain('Someone else changed these settings');
    expect(answer.text).toContain('willo.triggerStages');
    expect(answer.text).toContain('<input type="hidden" name="version" value="7">');
    expect(answer.text).toContain('<option value="phone-screen" selected>Phone Screen</option>');
  });

  it("edits Refty's rules without JavaScript: add a rule, add a step, remove; saves them in the documented shape", async () => {
    const { cookie, csrf } = await signIn();
    const added = await request('POST', '/console/settings/refty', {
      cookie,
      form: { _csrf: csrf, version: '7', enabled: 'true', _action: 'add-rule' },
    });
    expect(added.status).toBe(200);
    expect(added.text).toContain('<legend>Rule 1</legend>');
    expect(added.text).toContain('Not saved yet');
    expect(fake.change).not.toHaveBeenCalled();
    const rule = {
      'rules[0].postings': ['posting-backend', 'posting-design'],
      'rules[0].sequenceId': 'seq-1',
      'rules[0].language': 'en',
      'rules[0].steps[0].stepId': 'self',
      'rules[0].steps[0].kind': 'self_assessment',
      'rules[0].steps[0].stage': 'phone-screen',
      'rules[0].steps[0].name': '',
    };
    const twoSteps = await request('POST', '/console/settings/refty', {
      cookie,
      form: { _csrf: csrf, version: '7', enabled: 'true', ...rule, _action: 'add-step:0' },
    });
    expect(twoSteps.text).toContain('<legend>Step 2</legend>');
    expect(twoSteps.text).toContain('value="seq-1"');
    expect(twoSteps.text).toContain('<option value="posting-design" selected>Designer</option>');
    const removed = await request('POST', '/console/settings/refty', {
      cookie,
      form: { _csrf: csrf, version: '7', enabled: 'true', ...rule, _action: 'remove-rule:0' },
    });
    expect(removed.text).not.toContain('<legend>Rule 1</legend>');

    fake.change.mockRejectedValueOnce(
      new SettingsRejected(400, 'invalid settings', [{ field: 'rules[0].postings', message: 'a posting may belong to one rule only' }]),
    );
    const refused = await request('POST', '/console/settings/refty', {
      cookie,
      form: { _csrf: csrf, version: '7', enabled: 'true', ...rule },
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a href="#field-rules-0--postings">Rules ([0].postings)</a>: a posting may belong to one rule only');
    expect(refused.text).toMatch(
      /<\/select><small id="field-rules-0--postings-error" class="field-error">a posting may belong to one rule only<\/small>/,
    );
    expect(fake.change).toHaveBeenCalledWith(
      'refty',
      {
        rules: [
          {
            postings: ['posting-backend', 'posting-design'],
            sequenceId: 'seq-1',
            language: 'en',
            steps: [{ stepId: 'self', kind: 'self_assessment', stage: 'phone-screen' }],
          },
        ],
      },
      7,
      expect.anything(),
      'console',
    );
  });

  it('syncs an opportunity by id or Lever URL, and names a bad one beside the field', async () => {
    const { cookie, csrf } = await signIn();
    const byUrl = await request('POST', '/console/actions/sync', {
      cookie,
      form: { _csrf: csrf, opportunity: 'https://hire.lever.co/candidates/opp-123?tab=notes' },
    });
    expect(byUrl.status).toBe(303);
    expect(fake.trigger).toHaveBeenCalledWith('opp-123', expect.objectContaining({ source: 'manual', actOnFactsSince: 0 }));
    expect((await request('GET', byUrl.headers.get('location')!, { cookie })).text).toContain('opportunity/opp-123');
    const bad = await request('POST', '/console/actions/sync', { cookie, form: { _csrf: csrf, opportunity: 'has spaces' } });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/value="has spaces"[^>]*><small id="field-opportunity-error" class="field-error">must be an opaque id/);
    expect(parseOpportunityRef(' abc ')).toEqual({ id: 'abc' });
  });

  it('starts a backfill preview and refuses an integration that is not one', async () => {
    const { cookie, csrf } = await signIn();
    const preview = await request('POST', '/console/actions/backfill', {
      cookie,
      form: { _csrf: csrf, integration: 'willo', posting: '', stage: 'onsite', appliedSince: '', _action: 'preview' },
    });
    expect(preview.status).toBe(303);
    expect(preview.headers.get('location')).toMatch(/^\/console\/actions\/backfill\?id=lever-backfill%2Fwillo%2F\w+%2Fdry-run$/);
    const started = fake.start.mock.calls[0][0] as { args: [{ dryRun: boolean; filter: unknown }] };
    expect(started.args[0]).toMatchObject({ dryRun: true, filter: { stageId: 'onsite' } });
    const bad = await request('POST', '/console/actions/backfill', {
      cookie,
      form: { _csrf: csrf, integration: 'wintro', appliedSince: '31/01/2026', _action: 'run' },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('field-appliedSince-error');
  });

  it('lists the audit log: when, who, via, old -> new', async () => {
    const { cookie } = await signIn();
    const audit = (await request('GET', '/console/audit', { cookie })).text;
    expect(audit).toContain('2026-12-01 10:00:00 UTC');
    expect(audit).toContain('<span class="field-name">willo.triggerStages</span>:<del>none</del>→<ins>phone-screen</ins>');
  });
});

describe('html', () => {
  it('escapes every interpolation but markup made by html', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p title="${name}">${name} ${raw('<b>ok</b>')} ${[html`<i>${'&'}</i>`, 1]}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <b>ok</b> <i>&amp;</i>1</p>',
    );
  });
});
