// The console in a real browser (Debian's chromium driven by playwright-core, JavaScript off) against a
// whole test relay: sign in, every page (a screenshot of each in test-output/screenshots/), a Willo
// trigger stage changed in the console acting on the next stage change without a restart, a Refty rule
// added in the console putting a new applicant into its sequence, a bad value refused beside its field,
// backfills, an API token created (shown once) and revoked, and signing out.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { reftyControl } from '../../src/integrations/refty/sandbox/control-client';
import { willoControl } from '../../src/integrations/willo/sandbox/control-client';
import { SandboxControl } from '../../src/sandbox/control-client';
import { SEED_POSTING_IDS } from '../../src/sandbox/lever/seed';
import { CHROMIUM, haveChromium, launchChromium, SCREENSHOTS } from '../harness/browser';
import { http, waitFor } from '../harness/http';
import { decisionOf } from '../harness/opportunity';
import { startTestRelay, type TestRelay } from '../harness/relay';

if (!haveChromium())
  console.warn(`Skipping the console browser test: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);
const describeInBrowser = haveChromium() ? describe : describe.skip;

jest.setTimeout(120_000);

describeInBrowser('the console in a browser', () => {
  let relay: TestRelay;
  let control: SandboxControl;
  let browser: Browser;
  let page: Page;
  const consoleUrl = (path = '') => `${relay.apiUrl}/console${path}`;

  beforeAll(async () => {
    // HRLogics off: its survey emails would only add noise to the Lever request log.
    relay = await startTestRelay({ env: { HRLOGICS_ENABLED: 'false' } });
    control = new SandboxControl(relay.sandbox.baseUrl);
    browser = await launchChromium();
    // JavaScript off: the console is plain HTML forms, and must work without any script.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    // The strict CSP must not block anything of ours: every violation is a failure.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
  });

  const cspViolations: string[] = [];
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const statusText = () => page.getByRole('status').textContent();
  /** "Saved", or a failure that says why not (the page's alert). */
  async function expectSaved(): Promise<void> {
    await page.waitForLoadState();
    if ((await page.getByRole('status').count()) === 0) throw new Error(`not saved: ${await pageText()}`);
    expect(await statusText()).toBe('Saved');
  }

  /** The page's text once a navigation has settled (a meta refresh may be reloading it). */
  async function pageText(): Promise<string> {
    try {
      return await page.locator('body').innerText({ timeout: 2_000 });
    } catch {
      return '';
    }
  }

  it('sends a visitor to the sign-in page and signs in with the admin token', async () => {
    await page.goto(consoleUrl('/settings/willo'));
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.getByLabel('Admin token').fill('not-the-admin-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('That is not the admin token.');
    await shoot('sign-in');
    await page.getByLabel('Admin token').fill(SANDBOX_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the visitor wanted to go.
    expect(new URL(page.url()).pathname).toBe('/console/settings/willo');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'relay_console')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('shows every page, with the navigation on each', async () => {
    await page.goto(consoleUrl());
    expect(new URL(page.url()).pathname).toBe('/console/integrations');
    // The health checks run in the background (through the Lever queue): wait for their first results.
    await waitFor(
      async () => {
        await page.reload();
        return !(await pageText()).includes('checking...');
      },
      { what: 'the health checks', timeoutMs: 60_000, intervalMs: 1_000 },
    );
    await shoot('integrations');
    const nav = page.getByRole('navigation');
    const settingsLinks: { href: string; text: string }[] = [];
    for (const link of await nav.getByRole('list', { name: 'Settings', exact: true }).getByRole('link').all()) {
      settingsLinks.push({ href: (await link.getAttribute('href'))!, text: (await link.textContent())!.trim() });
    }
    expect(settingsLinks.map((l) => l.text)).toEqual(expect.arrayContaining(['Willo', 'Refty', 'Wintro']));
    for (const [name, title] of [
      ['Lever', 'lever'],
      ['Actions', 'actions'],
      ['Audit log', 'audit'],
      ['Integrations', 'integrations'],
    ]) {
      await nav.getByRole('link', { name, exact: true }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      await expect(nav.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
      if (title !== 'integrations') await shoot(title);
    }
    await nav.getByRole('link', { name: 'Lever', exact: true }).click();
    await page.getByRole('link', { name: 'Lever settings' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lever settings');
    await shoot('settings-lever');
    for (const link of settingsLinks) {
      await nav.getByRole('link', { name: link.text, exact: true }).click();
      expect(new URL(page.url()).pathname).toBe(link.href);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(link.text);
      await shoot(`settings-${link.href.split('/').at(-1)}`);
    }
    expect(cspViolations).toEqual([]);
  });

  it('Willo: a trigger stage picked in the console invites on the next stage change into it, and the old stage no longer does', async () => {
    const willo = willoControl(control);
    await page.goto(consoleUrl('/settings/willo'));
    await page.getByLabel('Trigger stages').selectOption({ label: 'On-site Interview' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved();
    expect(
      await page
        .getByLabel('Trigger stages')
        .evaluate((s) => Array.from((s as unknown as { selectedOptions: ArrayLike<{ value: string }> }).selectedOptions, (o) => o.value)),
    ).toEqual(['onsite']);
    await shoot('settings-willo-saved');

    const email = () => `console-${randomUUID()}@example.com`;
    const intoNew = await control.apply({ name: 'Nia New', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    const intoOld = await control.apply({ name: 'Otto Old', email: email(), postingId: SEED_POSTING_IDS.backendEngineer });
    await control.moveStage(intoNew.opportunityId, 'onsite');
    const since = Date.now();
    await control.moveStage(intoOld.opportunityId, 'phone-screen');
    await waitFor(async () => (await willo.participants(intoNew.opportunityId)).length === 1, {
      what: 'an invite for the new trigger stage',
    });
    await decisionOf(relay.client, intoOld.opportunityId, 'willo', { since: since - 5_000, reason: /not a Willo trigger stage/ });
    expect(await willo.participants(intoOld.opportunityId)).toEqual([]);
    // Once: re-reading the opportunity invites nobody again.
    await page.goto(consoleUrl('/actions'));
    await page.getByLabel('Opportunity id or Lever URL').fill(`https://hire.lever.co/candidates/${intoNew.opportunityId}`);
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    expect(await statusText()).toContain(intoNew.opportunityId);
    await decisionOf(relay.client, intoNew.opportunityId, 'willo', { since: Date.now() - 1_000 });
    expect(await willo.participants(intoNew.opportunityId)).toHaveLength(1);
  });

  it('Refty: a rule added in the console puts a covered applicant into its sequence', async () => {
    await page.goto(consoleUrl('/settings/refty'));
    const before = await page.getByRole('group', { name: /^Rule \d+$/ }).count();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const rule = page.getByRole('group', { name: `Rule ${before + 1}`, exact: true });
    await rule.getByLabel('Postings').selectOption({ label: 'Warehouse Associate' });
    await rule.getByLabel('Sequence', { exact: true }).fill('seq-console');
    await rule.getByLabel('Language', { exact: true }).fill('en');
    const step = rule.getByRole('group', { name: 'Step 1', exact: true });
    await step.getByLabel('Step id', { exact: true }).fill('step-console-self');
    await step.getByLabel('Kind', { exact: true }).selectOption({ label: 'Self-assessment' });
    await step.getByLabel('Stage', { exact: true }).selectOption({ label: 'Phone Screen' });
    await shoot('settings-refty-new-rule');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved();

    const { opportunityId } = await control.apply({
      name: 'Wes Warehouse',
      email: `console-${randomUUID()}@example.com`,
      postingId: SEED_POSTING_IDS.warehouseAssociate,
    });
    const candidate = await waitFor(async () => (await reftyControl(control).candidates(opportunityId))[0], {
      what: 'the Refty candidate',
    });
    expect(candidate).toMatchObject({ sequenceId: 'seq-console', language: 'en' });
  });

  it('refuses a bad value and names its field, keeping what was typed', async () => {
    await page.goto(consoleUrl('/settings/willo'));
    await page.getByLabel('Invite expiry').fill('soon');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await page.getByRole('alert').first().textContent()).toContain('Not saved');
    const field = page.getByLabel('Invite expiry');
    expect(await field.inputValue()).toBe('soon');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await field.getAttribute('aria-describedby'))!.split(' ')[0];
    expect(await page.locator(`#${errorId}`).textContent()).not.toBe('');
    await shoot('settings-willo-refused');
  });

  it('previews a backfill and shows its counts by decision', async () => {
    await page.goto(consoleUrl('/actions'));
    await page.getByLabel('Integration', { exact: true }).selectOption({ label: 'Willo' });
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/actions/backfill');
    await waitFor(async () => (await pageText()).includes('Preview done.'), {
      what: 'the preview to finish',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    expect(await page.getByRole('progressbar').count()).toBe(1);
    await shoot('backfill-preview');
  });

  it('runs a backfill, following its progress until done', async () => {
    await page.goto(consoleUrl('/actions'));
    await page.getByLabel('Integration', { exact: true }).selectOption({ label: 'Willo' });
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'On-site Interview' });
    await page.getByRole('button', { name: 'Run backfill' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/actions/backfill');
    await waitFor(async () => (await pageText()).includes('Backfill done.'), {
      what: 'the backfill to finish',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    expect(await page.getByRole('progressbar', { name: 'Backfill progress' }).getAttribute('value')).toBe('1');
    await shoot('backfill-run');
  });

  it("registers Lever's webhooks and starts Wintro's sync from their pages", async () => {
    await page.goto(consoleUrl('/lever'));
    await page.getByRole('button', { name: 'Register webhooks' }).click();
    expect(await statusText()).toMatch(/^Webhooks registered: 0 created, 0 enabled again, \d+ already there\.$/);
    await page.goto(consoleUrl('/settings/wintro'));
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    expect(await statusText()).toMatch(/^Started wintro/);
    await shoot('settings-wintro-sync');
  });

  it('creates an API token on its page, shows it once, and revokes it', async () => {
    const settingsWith = async (token: string) =>
      (await http('GET', `${relay.apiUrl}/admin/settings`, undefined, { authorization: `Bearer ${token}` })).status;
    await page.goto(consoleUrl('/integrations'));
    await page.getByRole('navigation').getByRole('link', { name: 'API tokens', exact: true }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('API tokens');

    // A bad name is refused beside its field, keeping what was typed.
    await page.getByLabel('Name', { exact: true }).fill('no spaces please');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('no spaces please');

    await page.getByLabel('Name', { exact: true }).fill('browser-script');
    await page.getByLabel('Role', { exact: true }).selectOption('operator');
    await page.getByLabel('Expires in (days)').fill('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await statusText()).toBe('Token browser-script created.');
    const token = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^lrt_[0-9a-f]{16}_/);
    expect(await pageText()).toContain('this is the only time it is shown');
    await shoot('tokens-created');
    // An operator's bearer: past the operator's routes, refused the admin's.
    expect(await settingsWith(token)).toBe(200);
    expect((await http('GET', `${relay.apiUrl}/admin/tokens`, undefined, { authorization: `Bearer ${token}` })).status).toBe(403);

    // Shown once: the page lists the token, never its secret again.
    await page.goto(consoleUrl('/tokens'));
    expect(await page.content()).not.toContain(token);
    const row = page.getByRole('region', { name: 'Tokens', exact: true }).getByRole('row').filter({ hasText: 'browser-script' });
    expect(await row.innerText()).toMatch(/operator\s+active/);

    await page.getByRole('button', { name: 'Revoke browser-script' }).click();
    expect(await statusText()).toBe('Token browser-script revoked: every API refuses it within 2 s.');
    expect(await row.innerText()).toMatch(/revoked\s+by admin-token/);
    await shoot('tokens');
    await waitFor(async () => (await settingsWith(token)) === 401, { timeoutMs: 2_000, what: 'the revoked token to be refused' });
    expect(cspViolations).toEqual([]);
  });

  it('signs out; every page then sends the visitor to the sign-in page', async () => {
    // The processes the tests above started, counted on the integrations page.
    await page.goto(consoleUrl('/integrations'));
    expect(await pageText()).toMatch(/[1-9]\d* running/);
    await shoot('integrations-running');
    await page.goto(consoleUrl('/audit'));
    await shoot('audit');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    for (const path of ['/integrations', '/lever', '/actions', '/audit', '/settings/willo', '/settings/refty', '/tokens']) {
      await page.goto(consoleUrl(path));
      expect([path, new URL(page.url()).pathname]).toEqual([path, '/console/sign-in']);
    }
    expect(cspViolations).toEqual([]);
  });
});
