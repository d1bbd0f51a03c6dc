// Fake deps for the console's HTTP tests: settings held in memory, Lever's lists, a Temporal client that
// counts and an actions object that records: no Temporal, Lever or worker needed.
import type { Client } from '@temporalio/client';
import express from 'express';
import type { TemporalActions } from '../../src/api/temporal-actions';
import { loadConfig, type Config } from '../../src/assembly/config';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import { consoleRouter, type ConsoleDeps } from '../../src/console';
import type { LeverLists, SettingsAccess } from '../../src/console/deps';
import { fail, pass, type CheckResult } from '../../src/doctor/check';
import type { AuditEntry, GroupView, SettingsView } from '../../src/settings/view';
import { listen } from '../harness/http';

export const ADMIN_TOKEN = SANDBOX_ADMIN_TOKEN;

export function fakeView(): SettingsView {
  const willo: GroupView = {
    id: 'willo',
    title: 'Willo',
    integration: true,
    enabled: true,
    setUp: true,
    missing: [],
    fields: [
      {
        name: 'enabled',
        label: 'Enabled',
        kind: { kind: 'boolean' },
        value: true,
        source: 'default',
        env: 'WILLO_ENABLED',
        requiredWhenEnabled: false,
      },
      {
        name: 'triggerStages',
        label: 'Trigger stages',
        kind: { kind: 'stages' },
        value: ['phone-screen'],
        source: 'console',
        env: 'WILLO_TRIGGER_STAGES',
        requiredWhenEnabled: true,
      },
      {
        name: 'account',
        label: 'Willo account',
        kind: { kind: 'text' },
        value: 'acme',
        source: 'environment',
        lockedBy: 'WILLO_ACCOUNT',
        env: 'WILLO_ACCOUNT',
        requiredWhenEnabled: false,
      },
      {
        name: 'reminderAfter',
        label: 'Reminder after',
        kind: { kind: 'durationOrOff' },
        value: '3d',
        source: 'default',
        env: 'WILLO_REMINDER_AFTER',
        requiredWhenEnabled: false,
      },
    ],
    secrets: [
      { env: 'WILLO_API_KEY', label: 'API key', set: true },
      { env: 'WILLO_CALLBACK_SECRET', label: 'Callback secret', set: false },
    ],
  };
  const refty: GroupView = {
    id: 'refty',
    title: 'Refty',
    integration: true,
    enabled: true,
    setUp: false,
    missing: ['Rules is not set'],
    fields: [
      {
        name: 'enabled',
        label: 'Enabled',
        kind: { kind: 'boolean' },
        value: true,
        source: 'default',
        env: 'REFTY_ENABLED',
        requiredWhenEnabled: false,
      },
      {
        name: 'rules',
        label: 'Rules',
        kind: { kind: 'reftyRules' },
        value: [],
        source: 'default',
        env: 'REFTY_RULES',
        requiredWhenEnabled: true,
      },
    ],
    secrets: [],
  };
  const techInterview: GroupView = {
    id: 'tech-interview',
    title: 'Technical interviews',
    integration: true,
    enabled: false,
    setUp: false,
    missing: [],
    fields: [
      {
        name: 'enabled',
        label: 'Enabled',
        kind: { kind: 'boolean' },
        value: false,
        source: 'default',
        env: 'TECH_INTERVIEW_ENABLED',
        requiredWhenEnabled: false,
      },
      {
        name: 'defaultStage',
        label: 'Default stage',
        kind: { kind: 'stage' },
        value: 'Phone Screen',
        source: 'default',
        env: 'TECH_INTERVIEW_DEFAULT_STAGE',
        requiredWhenEnabled: true,
      },
      {
        name: 'performAs',
        label: 'Default perform-as user',
        kind: { kind: 'user' },
        value: null,
        source: 'default',
        env: 'TECH_INTERVIEW_PERFORM_AS',
        requiredWhenEnabled: true,
      },
      {
        name: 'windowDays',
        label: 'Backfill window (days)',
        kind: { kind: 'integer', min: 1, max: 365 },
        value: 30,
        source: 'default',
        env: 'TECH_INTERVIEW_WINDOW_DAYS',
        requiredWhenEnabled: false,
      },
    ],
    secrets: [],
  };
  return { version: 7, groups: [willo, refty, techInterview] };
}

export const AUDIT: AuditEntry[] = [
  {
    version: 7,
    at: Date.parse('2026-12-01T10:00:00Z'),
    actor: 'admin-token',
    via: 'console',
    changes: [{ group: 'willo', field: 'triggerStages', old: [], new: ['phone-screen'] }],
  },
];

export const fakeLever: LeverLists = {
  stages: async () => [
    { id: 'phone-screen', text: 'Phone Screen' },
    { id: 'onsite', text: 'On-site' },
  ],
  postings: async () => [
    { id: 'posting-backend', text: 'Backend Engineer', tags: [] },
    { id: 'posting-design', text: 'Designer', tags: [] },
  ],
  users: async () => [{ id: 'u1', text: 'Rita Recruiter', email: 'rita@example.com', deactivated: false }],
};

export interface FakeConsole {
  url: string;
  deps: ConsoleDeps;
  change: jest.Mock;
  trigger: jest.Mock;
  start: jest.Mock;
  count: jest.Mock;
  list: jest.Mock;
  close(): Promise<void>;
}

export async function startFakeConsole(
  options: {
    config?: (c: Config) => void;
    checks?: () => Promise<CheckResult[]>;
    settings?: Partial<SettingsAccess>;
    now?: () => number;
  } = {},
): Promise<FakeConsole> {
  const config = loadConfig({});
  options.config?.(config);
  const change = jest.fn(async () => ({ version: 8 }));
  const trigger = jest.fn(async (id: string) => ({ status: 'triggered', workflowId: `opportunity/${id}`, runId: 'run-1' }));
  const start = jest.fn(async (action: { workflowId: string }) => ({ status: 'started', workflowId: action.workflowId, runId: 'run-2' }));
  const count = jest.fn(async (_request: { namespace: string; query: string }): Promise<object> => ({ count: 3, groups: [] }));
  const list = jest.fn(async (_request: { namespace: string; query: string; pageSize: number }): Promise<object> => ({ executions: [] }));
  const client = {
    options: { namespace: 'default' },
    withDeadline: <T>(_deadline: number, f: () => Promise<T>) => f(),
    workflowService: { countWorkflowExecutions: count, listWorkflowExecutions: list },
  } as unknown as Client;
  const deps: ConsoleDeps = {
    config,
    client,
    actions: { trigger, start } as unknown as TemporalActions,
    settings: { view: fakeView, change, audit: async () => AUDIT, ...options.settings } as SettingsAccess,
    lever: fakeLever,
    ...(options.now ? { now: options.now } : {}),
    checks:
      options.checks ??
      (async () => [
        pass('Lever: API key', 'answers (5 stages)'),
        pass('Willo: API at http://willo', 'answers with our key (200)'),
        fail(
          'WILLO_TRIGGER_STAGES: stage "Panel"',
          'no Lever stage has this id or name',
          'set WILLO_TRIGGER_STAGES to one of: "Phone Screen"',
        ),
      ]),
  };
  const app = express();
  app.use('/console', consoleRouter(deps));
  const { server, url } = await listen(app);
  return { url, deps, change, trigger, start, count, list, close: () => new Promise<void>((done) => server.close(() => done())) };
}
