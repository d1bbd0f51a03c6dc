// Settings as data, over HTTP only: the JSON API refuses what it must (no credentials, no If-Match, a stale
// version, an unknown stage, a locked field) and saves nothing then; a saved change is audited and acts on
// the next trigger with no restart, and every decision records the settings version it used.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import type { GroupView, SettingsView } from '../../src/settings/view';
import { http, waitFor } from '../harness/http';
import { decisionOf } from '../harness/opportunity';
import { useTestRelay } from '../harness/relay';
import { runRelayCli } from '../harness/worker-process';

const auth = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
// Willo's account comes from the environment here: that field is locked in the console.
const context = useTestRelay({ env: { WILLO_ACCOUNT: 'Sandbox', REFTY_ENABLED: 'false' } });

async function settings(): Promise<SettingsView> {
  const answer = await http<SettingsView>('GET', `${context.relay.apiUrl}/admin/settings`, undefined, auth);
  expect(answer.status).toBe(200);
  return answer.body;
}

const willoGroup = (view: SettingsView) => view.groups.find((g) => g.id === 'willo') as GroupView;
const fieldOf = (view: SettingsView, name: string) => willoGroup(view).fields.find((f) => f.name === name)!;

function put(body: unknown, headers: Record<string, string> = {}) {
  return http<{ error?: string; fields?: { field: string; message: string }[]; version?: number; changes?: unknown[] }>(
    'PUT',
    `${context.relay.apiUrl}/admin/settings/willo`,
    body,
    { ...auth, ...headers },
  );
}

describe('settings over HTTP', () => {
  it('needs credentials for every settings route', async () => {
    for (const [method, path] of [
      ['GET', '/admin/settings'],
      ['PUT', '/admin/settings/willo'],
      ['GET', '/admin/settings/audit'],
      ['GET', '/admin/lever/stages'],
      ['GET', '/admin/lever/postings'],
      ['GET', '/admin/lever/users'],
    ] as const) {
      const answer = await http(method, `${context.relay.apiUrl}${path}`, method === 'PUT' ? { enabled: true } : undefined);
      expect([method, path, answer.status]).toEqual([method, path, 401]);
    }
  });

  it('shows every group with its version, values, sources and the fields the environment locks', async () => {
    const view = await settings();
    expect(view.groups.map((g) => g.id)).toEqual(['lever', 'hrlogics', 'willo', 'refty', 'wintro', 'tech-interview']);
    expect(fieldOf(view, 'account')).toMatchObject({ value: 'Sandbox', source: 'environment', lockedBy: 'WILLO_ACCOUNT' });
    expect(fieldOf(view, 'triggerStages')).toMatchObject({ value: ['Phone Screen'], source: 'default', env: 'WILLO_TRIGGER_STAGES' });
    expect(willoGroup(view).secrets.map((s) => s.env)).toEqual(['WILLO_API_KEY', 'WILLO_CALLBACK_SECRET']);
    expect(JSON.stringify(view)).not.toContain('sandbox-partner-api-key');
  });

  it('reads the live Lever lists through the Lever queue', async () => {
    const stages = await http<{ data: { id: string; text: string }[] }>(
      'GET',
      `${context.relay.apiUrl}/admin/lever/stages`,
      undefined,
      auth,
    );
    expect(stages.body.data).toEqual(expect.arrayContaining([{ id: 'onsite', text: 'On-site Interview' }]));
    const users = await http<{ data: { email: string }[] }>('GET', `${context.relay.apiUrl}/admin/lever/users`, undefined, auth);
    expect(users.body.data.map((u) => u.email)).toContain('rita@example.com');
  });

  it('refuses a bad change with each field named, and saves nothing', async () => {
    const before = await settings();
    const version = String(before.version);
    expect((await put({ triggerStages: ['onsite'] })).status).toBe(428);
    const unknown = await put({ triggerStages: ['onsite', 'no-such-stage'], inviteExpiry: 'soon' }, { 'if-match': version });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'triggerStages[1]', message: 'no Lever stage has the id "no-such-stage"' },
        expect.objectContaining({ field: 'inviteExpiry' }),
      ]),
    );
    const locked = await put({ account: 'Other' }, { 'if-match': version });
    expect(locked.status).toBe(400);
    expect(locked.body.fields).toEqual([{ field: 'account', message: 'set by WILLO_ACCOUNT: change it in the environment' }]);
    expect((await put({ noSuchField: 1 }, { 'if-match': version })).body.fields?.[0].field).toBe('noSuchField');
    expect((await settings()).version).toBe(before.version);
  });

  it('saves a change once, refuses the stale save of a second admin (409), audits it, and the next trigger uses it', async () => {
    const before = await settings();
    const saved = await put({ triggerStages: ['onsite'] }, { 'if-match': `"${before.version}"` });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(before.version + 1);
    // A second admin who loaded the page before that save:
    const stale = await put({ triggerStages: ['phone-screen'] }, { 'if-match': String(before.version) });
    expect(stale.status).toBe(409);
    expect(stale.body.changes).toEqual([expect.objectContaining({ version: before.version + 1, actor: 'admin-token' })]);

    const view = await settings();
    expect(fieldOf(view, 'triggerStages')).toMatchObject({ value: ['onsite'], source: 'console' });
    const audit = await http<{ changes: { version: number; actor: string; via: string; changes: unknown[] }[] }>(
      'GET',
      `${context.relay.apiUrl}/admin/settings/audit`,
      undefined,
      auth,
    );
    expect(audit.body.changes[0]).toEqual({
      version: before.version + 1,
      at: expect.any(Number),
      actor: 'admin-token',
      via: 'api',
      changes: [{ group: 'willo', field: 'triggerStages', old: null, new: ['onsite'] }],
    });

    // No restart: a stage change into the new trigger stage invites; one into the old one does not.
    const { control, relay } = context;
    const willo = willoControl(control);
    const invited = await control.apply({
      name: 'Nina New',
      email: `new-${randomUUID()}@example.com`,
      postingId: SEED_POSTING_IDS.backendEngineer,
    });
    const since = Date.now();
    await control.moveStage(invited.opportunityId, 'onsite');
    const started = await decisionOf(relay.client, invited.opportunityId, 'willo', { since, reason: /started/ });
    expect(started.settingsVersion).toBe(before.version + 1);
    await waitFor(async () => (await willo.participants(invited.opportunityId)).length === 1 || undefined, { what: 'an invite' });

    const old = await control.apply({
      name: 'Otto Old',
      email: `old-${randomUUID()}@example.com`,
      postingId: SEED_POSTING_IDS.backendEngineer,
    });
    const oldSince = Date.now();
    await control.moveStage(old.opportunityId, 'phone-screen');
    const nothing = await decisionOf(relay.client, old.opportunityId, 'willo', { since: oldSince, reason: /stage/ });
    expect(nothing).toMatchObject({ decision: 'nothing', settingsVersion: before.version + 1 });
    expect(await willo.participants(old.opportunityId)).toEqual([]);
  });

  it('an integration switched on without what it needs is "not set up", and its decisions say so', async () => {
    const before = await settings();
    const saved = await put({ triggerStages: [] }, { 'if-match': String(before.version) });
    expect(saved.status).toBe(200);
    const view = await settings();
    expect(willoGroup(view)).toMatchObject({ enabled: true, setUp: false, missing: ['Trigger stages is not set'] });
    const { control, relay } = context;
    const since = Date.now();
    const { opportunityId } = await control.apply({
      name: 'Una Unset',
      email: `u-${randomUUID()}@example.com`,
      postingId: SEED_POSTING_IDS.backendEngineer,
    });
    const decision = await decisionOf(relay.client, opportunityId, 'willo', { since });
    expect(decision).toMatchObject({
      decision: 'nothing',
      reason: 'not set up: Trigger stages is not set',
      settingsVersion: saved.body.version,
    });
  });
});

describe('npm run settings', () => {
  it('exports what the console saved, and imports a file as one validated, audited change', async () => {
    const { relay } = context;
    const before = await settings();
    const exported = await runRelayCli(relay, 'settings-cli.ts', ['export']);
    expect(exported.code).toBe(0);
    const file = JSON.parse(exported.output.slice(exported.output.indexOf('{'))) as { version: number; settings: Record<string, unknown> };
    expect(file.version).toBe(before.version);
    expect(file.settings).toHaveProperty('willo.triggerStages');

    const dir = mkdtempSync(join(tmpdir(), 'relay-settings-'));
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ settings: { ...file.settings, 'tech-interview': { defaultStage: 'no-such-stage' } } }));
      const refused = await runRelayCli(relay, 'settings-cli.ts', ['import', bad]);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('tech-interview.defaultStage: no Lever stage has the id "no-such-stage"');
      expect((await settings()).version).toBe(before.version);

      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ settings: { ...file.settings, hrlogics: { backfillWindow: 45 } } }));
      const imported = await runRelayCli(relay, 'settings-cli.ts', ['import', good, '--as', 'git-sync']);
      expect(imported.code).toBe(0);
      // Saved by another process: this API reads it within its refresh (1 s).
      const after = await waitFor(
        async () => {
          const view = await settings();
          return view.version > before.version ? view : undefined;
        },
        { what: 'the imported settings', timeoutMs: 3_000 },
      );
      expect(after.version).toBe(before.version + 1);
      const hrlogics = after.groups.find((g) => g.id === 'hrlogics')!;
      expect(hrlogics.fields.find((f) => f.name === 'backfillWindow')).toMatchObject({ value: 45, source: 'console' });
      const audit = await http<{ changes: { actor: string; via: string }[] }>(
        'GET',
        `${relay.apiUrl}/admin/settings/audit`,
        undefined,
        auth,
      );
      expect(audit.body.changes[0]).toMatchObject({ actor: 'git-sync', via: 'import' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
