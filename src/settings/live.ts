// Every API and worker holds the settings in force, read from the settings workflow's memo every second
// (LiveMemo: a describe, no worker needs to answer), so a saved change acts everywhere within 2 s.
// A process that cannot read them keeps its last copy and says so (`/readyz`, the doctor, the console).
import type { Client } from '@temporalio/client';
import { environmentOf, type Config } from '../assembly/config';
import type { Env } from '../config/env';
import type { TriggerSettings } from '../opportunity/messages';
import { LiveMemo, MEMO_REFRESH_MS, type LiveMemoStatus } from '../temporal/live-memo';
import { workflowIds } from '../temporal/workflow-ids';
import { effectiveSettings, type EffectiveSettings } from './effective';
import { EMPTY_SETTINGS, SETTINGS_MEMO, type StoredSettings } from './messages';

export const SETTINGS_REFRESH_MS = MEMO_REFRESH_MS;

export type LiveStatus = LiveMemoStatus;

export class LiveSettings {
  private effective: EffectiveSettings;
  private carried?: TriggerSettings;
  private readonly memo: LiveMemo<StoredSettings>;
  private readonly listeners: ((settings: EffectiveSettings) => void)[] = [];

  constructor(
    client: Client,
    readonly envConfig: Config,
    readonly env: Env = environmentOf(envConfig),
    intervalMs = SETTINGS_REFRESH_MS,
  ) {
    this.effective = effectiveSettings(envConfig, env, EMPTY_SETTINGS);
    this.memo = new LiveMemo(client, {
      workflowId: workflowIds.settings(envConfig.temporal.taskQueue),
      memoKey: SETTINGS_MEMO,
      // Nobody has changed a setting yet: the environment's and the defaults are in force.
      empty: EMPTY_SETTINGS,
      what: 'the settings',
      intervalMs,
    });
    this.memo.onChange((stored) => {
      this.effective = effectiveSettings(this.envConfig, this.env, stored);
      for (const listener of this.listeners) listener(this.effective);
    });
  }

  get workflowId(): string {
    return this.memo.workflowId;
  }

  /** The settings in force now. */
  current(): EffectiveSettings {
    return this.effective;
  }

  /** What every trigger carries (one object per version). */
  triggerSettings(): TriggerSettings {
    const { version, workflowSettings, notSetUp } = this.effective;
    if (this.carried?.version !== version) this.carried = { version, settings: workflowSettings, notSetUp };
    return this.carried;
  }

  status(): LiveStatus {
    return { ...this.memo.status(), version: this.effective.version };
  }

  /** Called with the new settings whenever the version changes. */
  onChange(listener: (settings: EffectiveSettings) => void): void {
    this.listeners.push(listener);
  }

  /** Reads the memo once; never throws (a failure is kept in `status()`). */
  refresh(): Promise<void> {
    return this.memo.refresh();
  }

  /** Takes settings read elsewhere (the answer to a change this process made), if newer. */
  accept(stored: StoredSettings): void {
    this.memo.accept(stored);
  }

  /** Computes the settings in force again from the environment's configuration (tests that change it after start). */
  reload(): void {
    this.effective = effectiveSettings(this.envConfig, this.env, this.memo.current());
    this.carried = undefined;
  }

  /** Reads now, then every second. Resolves after the first read (or its failure). */
  start(): Promise<void> {
    return this.memo.start();
  }

  stop(): Promise<void> {
    return this.memo.stop();
  }
}
