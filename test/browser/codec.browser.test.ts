// Who reads candidate data in the Temporal UI, in a real browser (Debian's chromium driven by playwright-core):
// the Temporal UI server configured as `npm run cluster` configures it (the relay's codec endpoint,
// `includeCredentials: true`), a whole test relay, and people signing in to the console through a real OIDC
// provider (`oidc-provider`, in this process). A viewer sees a run's input still encrypted, an admin sees it
// decrypted, and once signed out it is encrypted again. Screenshots in test-output/screenshots/codec-*.png.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findTemporalUiServer } from '../../src/dev/temporal-server';
import { writeTemporalUiConfig } from '../../src/dev/temporal-ui-config';
import { SandboxControl } from '../../src/sandbox/control-client';
import { integrationProcessId } from '../../src/temporal/workflow-ids';
import { CHROMIUM, haveChromium, launchChromium, SCREENSHOTS } from '../harness/browser';
import { freePort, waitFor } from '../harness/http';
import { PROVIDER_NAME, startTestOidcProvider, type TestOidcProvider } from '../harness/oidc-provider';
import { startTestRelay, type TestRelay } from '../harness/relay';

const uiServer = findTemporalUiServer();
const ready = haveChromium() && uiServer !== undefined;
if (!ready)
  console.warn(`Skipping the codec browser test: it needs ${CHROMIUM} and temporal-ui-server (npm run temporal-server builds it).`);
const describeInBrowser = ready ? describe : describe.skip;

jest.setTimeout(180_000);

/** How the UI shows a payload it could not decode: its metadata, base64, as stored. */
const ENCRYPTED_ENCODING = Buffer.from('binary/encrypted').toString('base64');
const CANDIDATE = { name: 'Jane Codec', email: `jane.codec.${randomUUID().slice(0, 8)}@example.com` };

describeInBrowser('the Temporal UI decrypts only for those allowed', () => {
  let idp: TestOidcProvider;
  let relay: TestRelay;
  let ui: ChildProcess | undefined;
  let uiRoot: string;
  let uiUrl: string;
  let browser: Browser;
  let workflowPage: string;
  const uiOutput: string[] = [];

  beforeAll(async () => {
    idp = await startTestOidcProvider([{ email: 'admin@example.com' }, { email: 'viewer@example.com', groups: ['recruiting'] }]);
    const uiPort = await freePort();
    uiUrl = `http://127.0.0.1:${uiPort}`;
    const clientSecret = randomBytes(24).toString('base64url');
    relay = await startTestRelay({
      env: {
        TEMPORAL_UI_URL: uiUrl,
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: 'relay-console',
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_PROVIDER_NAME: PROVIDER_NAME,
        OIDC_SCOPES: 'openid email groups',
        OIDC_ADMIN_EMAILS: 'admin@example.com',
        OIDC_GROUPS_CLAIM: 'groups',
        OIDC_VIEWER_GROUPS: 'recruiting',
      },
    });
    await idp.register([
      {
        clientId: 'relay-console',
        clientSecret,
        redirectUris: [`${relay.apiUrl}/console/oidc/callback`],
        postLogoutRedirectUris: [`${relay.apiUrl}/console/sign-in`],
      },
    ]);

    uiRoot = mkdtempSync(join(tmpdir(), 'relay-ui-'));
    const args = writeTemporalUiConfig(uiRoot, 'test', {
      temporalGrpcAddress: relay.config.temporal.address,
      port: uiPort,
      namespace: relay.config.temporal.namespace,
      codecEndpoint: `${relay.apiUrl}/codec`,
    });
    ui = spawn(uiServer!, args, { cwd: uiRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    ui.stdout?.on('data', (chunk: Buffer) => uiOutput.push(chunk.toString()));
    ui.stderr?.on('data', (chunk: Buffer) => uiOutput.push(chunk.toString()));
    await waitFor(
      () =>
        fetch(uiUrl).then(
          (r) => r.ok,
          () => false,
        ),
      { what: 'the Temporal UI server', timeoutMs: 30_000, intervalMs: 250 },
    );

    // A new applicant: HRLogics' screening starts with the candidate's name and email in its input (encrypted).
    const { opportunityId } = await new SandboxControl(relay.sandbox.baseUrl).apply(CANDIDATE);
    const handle = relay.client.workflow.getHandle(integrationProcessId('hrlogics', opportunityId));
    const { runId } = await waitFor(() => handle.describe().catch(() => undefined), { what: 'the WOTC screening to start' });
    workflowPage = `${uiUrl}/namespaces/${relay.config.temporal.namespace}/workflows/${encodeURIComponent(handle.workflowId)}/${runId}/history`;

    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (ui && ui.exitCode === null) {
      const exited = new Promise((resolve) => ui!.once('exit', resolve));
      ui.kill('SIGTERM');
      await exited;
    }
    if (uiRoot) rmSync(uiRoot, { recursive: true, force: true });
    await relay?.stop();
    await idp?.close();
  });

  /** A fresh browser profile signed in to the console as `email` through the provider's sign-in page. */
  async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${relay.apiUrl}/console/sign-in`);
    await page.screenshot({ path: join(SCREENSHOTS, 'codec-sign-in.png') });
    await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
    await page.getByRole('button', { name: `Sign in as ${email}` }).click();
    await page.waitForURL(`${relay.apiUrl}/console/integrations`);
    return { context, page };
  }

  /** Decode calls the UI made, and their answers' statuses. */
  function watchCodec(page: Page): number[] {
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${relay.apiUrl}/codec/decode`)) statuses.push(response.status());
    });
    return statuses;
  }

  /**
   * The run's page in the UI, once the UI has asked the codec and shown the input as `shown`: decrypted (the
   * candidate's email is on the page) or still encrypted (its `binary/encrypted` encoding is).
   */
  async function openRun(page: Page, decodes: number[], shown: 'decrypted' | 'encrypted', shot: string): Promise<string> {
    decodes.length = 0;
    await page.goto(workflowPage);
    await page
      .getByText(shown === 'decrypted' ? CANDIDATE.email : ENCRYPTED_ENCODING)
      .first()
      .waitFor({ timeout: 30_000 });
    await waitFor(async () => decodes.length > 0, { what: 'the UI to ask the codec' });
    await page.screenshot({ path: join(SCREENSHOTS, `codec-${shot}.png`), fullPage: true });
    return page.locator('body').innerText();
  }

  it('shows a viewer the input still encrypted (the codec refuses a viewer)', async () => {
    const { context, page } = await signedIn('viewer@example.com');
    const decodes = watchCodec(page);
    const text = await openRun(page, decodes, 'encrypted', 'viewer');
    expect(decodes.every((status) => status === 403)).toBe(true);
    expect(text).toContain('Codec Server could not connect');
    expect(text).not.toContain(CANDIDATE.email);
    await context.close();
  });

  it('shows an admin the input decrypted, and once signed out encrypted again', async () => {
    const { context, page } = await signedIn('admin@example.com');
    const decodes = watchCodec(page);
    const text = await openRun(page, decodes, 'decrypted', 'admin');
    expect(decodes.every((status) => status === 200)).toBe(true);
    expect(text).toContain(`"lastName": "Codec"`);
    expect(text).not.toContain(ENCRYPTED_ENCODING);

    await page.goto(`${relay.apiUrl}/console/integrations`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The console's session ends at once; then the provider asks to confirm its own sign-out and sends the
    // browser back to the console's sign-in page.
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${relay.apiUrl}/console/sign-in`);
    const after = await openRun(page, decodes, 'encrypted', 'signed-out');
    expect(decodes.every((status) => status === 401)).toBe(true);
    expect(after).not.toContain(CANDIDATE.email);
    await context.close();
  });
});
