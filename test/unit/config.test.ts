import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/assembly/config';
import { SANDBOX_LEVER_WEBHOOK_TOKENS } from '../../src/config/sandbox-defaults';
import { effectiveSettings } from '../../src/settings/effective';
import { EMPTY_SETTINGS } from '../../src/settings/messages';

describe('loadConfig', () => {
  it('runs against the sandbox with nothing configured', () => {
    const config = loadConfig({});
    expect(config.sandbox.enabled).toBe(true);
    expect(config.temporal.embedded).toBe(true);
    expect(config.lever.baseUrl).toBe('http://127.0.0.1:3100/lever/v1');
    expect(config.lever.ratePerSecond).toBe(8);
    // Nothing set in the environment: the sandbox's tokens stand in until Lever's webhooks API lists ours.
    expect(config.lever.webhookTokens.applicationCreated).toEqual([]);
    expect(config.lever.fallbackWebhookTokens.applicationCreated).toEqual([SANDBOX_LEVER_WEBHOOK_TOKENS.applicationCreated]);
    expect(config.lever.sweepIntervalMs).toBe(15 * 60_000);
    expect(config.hrlogics).toMatchObject({ enabled: true, reminderInterval: '3d', maxReminders: 3, expiry: '30d' });
    expect(config.payloadKey).toHaveLength(32);
  });

  it('writes stop notes unless an integration switches them off', () => {
    const config = loadConfig({ WILLO_STOP_NOTES: 'false' });
    expect([config.hrlogics.stopNotes, config.willo.stopNotes, config.refty.stopNotes]).toEqual([true, false, true]);
    expect(() => loadConfig({ REFTY_STOP_NOTES: 'sometimes' })).toThrow(/REFTY_STOP_NOTES/);
  });

  it('reads several tokens per event for rotation, and a fallback for all events', () => {
    const config = loadConfig({ LEVER_WEBHOOK_TOKENS_APPLICATION_CREATED: 'new, old', LEVER_WEBHOOK_TOKENS: 'account-wide' });
    expect(config.lever.webhookTokens.applicationCreated).toEqual(['new', 'old']);
    expect(config.lever.webhookTokens.candidateHired).toEqual(['account-wide']);
  });

  it('names every missing setting at once when pointed at a real Lever account', () => {
    let error: unknown;
    try {
      loadConfig({ LEVER_API_BASE_URL: 'https://api.lever.co/v1', HRLOGICS_ENABLED: 'true' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    // Webhook tokens are not among them: the API reads them from Lever's webhooks API when none are set.
    for (const name of ['LEVER_API_KEY', 'PAYLOAD_ENCRYPTION_KEY', 'HRLOGICS_BASE_URL', 'HRLOGICS_API_KEY', 'HRLOGICS_CALLBACK_SECRET']) {
      expect(problems).toContain(name);
    }
  });

  it('reads the sweep interval, or off', () => {
    expect(loadConfig({ LEVER_SWEEP_INTERVAL: '5s' }).lever.sweepIntervalMs).toBe(5_000);
    expect(loadConfig({ LEVER_SWEEP_INTERVAL: 'off' }).lever.sweepIntervalMs).toBeUndefined();
    expect(() => loadConfig({ LEVER_SWEEP_INTERVAL: 'sometimes' })).toThrow(/LEVER_SWEEP_INTERVAL/);
  });

  it('rejects malformed values with the variable name and hides secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        API_PORT: '99999',
        HRLOGICS_REMINDER_INTERVAL: 'soon',
        HRLOGICS_CALLBACK_SECRET: 'plain-secret',
        LEVER_RATE_LIMIT_PER_SECOND: '50',
      });
    } catch (e) {
      error = e;
    }
    const message = (error as Error).message;
    expect(message).toContain('API_PORT');
    expect(message).toContain('HRLOGICS_REMINDER_INTERVAL');
    expect(message).toContain('HRLOGICS_CALLBACK_SECRET="<redacted>" must start with whsec_');
    expect(message).toContain('LEVER_RATE_LIMIT_PER_SECOND');
    expect(message).not.toContain('plain-secret');
  });

  it('accepts a complete production configuration, integrations off unless enabled', () => {
    const config = loadConfig({
      LEVER_API_BASE_URL: 'https://api.lever.co/v1/',
      LEVER_API_KEY: 'k',
      LEVER_WEBHOOK_TOKENS: 't',
      PAYLOAD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      TEMPORAL_ADDRESS: 'temporal.example:7233',
    });
    expect(config.sandbox.enabled).toBe(false);
    expect(config.temporal.embedded).toBe(false);
    expect(config.lever.baseUrl).toBe('https://api.lever.co/v1');
    expect(config.hrlogics.enabled).toBe(false);
    expect(config.willo.enabled).toBe(false);
    expect(config.refty.enabled).toBe(false);
  });

  it('gives Willo and Refty sandbox defaults: a trigger stage by name, one rule with default step names', () => {
    const config = loadConfig({});
    expect(config.willo).toMatchObject({
      enabled: true,
      account: 'Sandbox',
      triggerStages: ['Phone Screen'],
      acceptedStages: ['Accepted'],
      rejectedStages: ['Rejected'],
      inviteExpiry: '14d',
    });
    expect(config.refty.rules).toEqual([
      {
        postings: ['posting-support-lead'],
        sequenceId: 'seq-support',
        language: 'en',
        steps: [
          { stepId: 'step-self-assessment', kind: 'self_assessment', stage: 'phone-screen', name: 'Self Assessment' },
          { stepId: 'step-references', kind: 'reference_check', stage: 'onsite', name: 'Reference Check' },
        ],
      },
    ]);
  });

  it('names what is missing for Willo and Refty in production, and every problem in REFTY_RULES by path', () => {
    const production = {
      LEVER_API_BASE_URL: 'https://api.lever.co/v1',
      LEVER_API_KEY: 'k',
      LEVER_WEBHOOK_TOKENS: 't',
      PAYLOAD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...production, ...env });
        return '';
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
    };
    // Switched on in the environment: the partner's connection (secrets, URL) is required to start...
    const missing = problems({ WILLO_ENABLED: 'true', REFTY_ENABLED: 'true' });
    for (const name of ['WILLO_BASE_URL', 'WILLO_API_KEY', 'REFTY_BASE_URL', 'REFTY_CALLBACK_SECRET']) expect(missing).toContain(name);
    // ...but what a person may pick in the console is not: without it the integration is "not set up".
    for (const name of ['WILLO_ACCOUNT', 'WILLO_TRIGGER_STAGES', 'REFTY_RULES']) expect(missing).not.toContain(name);
    const connected = {
      ...production,
      ...Object.fromEntries(
        ['WILLO', 'REFTY'].flatMap((p) => [
          [`${p}_ENABLED`, 'true'],
          [`${p}_BASE_URL`, `https://${p.toLowerCase()}.example.com`],
          [`${p}_API_KEY`, 'key'],
          [`${p}_CALLBACK_SECRET`, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
        ]),
      ),
    };
    const { notSetUp, workflowSettings } = effectiveSettings(loadConfig(connected), connected, EMPTY_SETTINGS);
    expect(notSetUp).toEqual({ willo: ['Trigger stages is not set', 'Willo account is not set'], refty: ['Rules is not set'] });
    expect(workflowSettings).not.toHaveProperty('willo');

    expect(problems({ REFTY_RULES: '[{' })).toContain('REFTY_RULES is not valid JSON');
    const bad = problems({
      REFTY_RULES: JSON.stringify([
        { postings: ['p1'], sequenceId: 's', language: 'english', steps: [{ stepId: 'a', kind: 'interview', stage: 'x' }] },
        { postings: ['p1'], sequenceId: 's2', language: 'en', steps: [] },
      ]),
    });
    expect(bad).toContain('REFTY_RULES[0].language: must be a language code');
    expect(bad).toContain('REFTY_RULES[0].steps[0].kind');
    expect(bad).toContain('REFTY_RULES[1].steps: a rule has at least one step');
  });

  it('configures Wintro and the interview platform, each needing a perform-as user once switched on', () => {
    const sandbox = loadConfig({});
    expect(sandbox.wintro).toMatchObject({ enabled: true, performAs: 'user', performAsEmail: 'rita@example.com', syncInterval: '4h' });
    expect(sandbox.techInterview).toMatchObject({
      enabled: true,
      platformName: 'TechScreen',
      defaultStage: 'New Applicant',
      exportUnsuccessful: false,
    });
    let error: unknown;
    try {
      loadConfig({
        LEVER_API_BASE_URL: 'https://api.lever.co/v1',
        WINTRO_ENABLED: 'true',
        TECH_INTERVIEW_ENABLED: 'yes',
        TECH_INTERVIEW_PLATFORM_NAME: 'Bad:Name',
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['WINTRO_CALLBACK_SECRET', 'TECH_INTERVIEW_API_KEY', 'TECH_INTERVIEW_PLATFORM_NAME']) {
      expect(problems).toContain(name);
    }
    // The perform-as user is picked in the console: without it, "not set up" rather than a start-up error.
    for (const name of ['WINTRO_PERFORM_AS_EMAIL', 'TECH_INTERVIEW_PERFORM_AS_EMAIL']) expect(problems).not.toContain(name);
  });

  it('reads a secret from <NAME>_FILE, names a file it cannot read, and lets a value set directly win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-secrets-'));
    try {
      writeFileSync(join(dir, 'admin'), 'admin-token-from-a-file\n');
      expect(loadConfig({ ADMIN_TOKEN_FILE: join(dir, 'admin') }).api.adminToken).toBe('admin-token-from-a-file');
      expect(loadConfig({ ADMIN_TOKEN_FILE: join(dir, 'admin'), ADMIN_TOKEN: 'set-directly-wins-here' }).api.adminToken).toBe(
        'set-directly-wins-here',
      );
      expect(() => loadConfig({ HRLOGICS_API_KEY_FILE: join(dir, 'missing') })).toThrow(/HRLOGICS_API_KEY_FILE=.* cannot be read: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
