// Every API and worker holds the settings in force and refreshes them from the settings workflow's memo
// (a describe: no worker needs to answer) every second, so a saved change acts everywhere within 2 s.
// A process that cannot read them keeps its last copy and says so (`/readyz`, the doctor, the console).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { environmentOf, type Config } from '../assembly/config';
import type { Env } from '../config/env';
import type { TriggerSettings } from '../opportunity/messages';
import { workflowIds } from '../temporal/workflow-ids';
import { effectiveSettings, type EffectiveSettings } from './effective';
import { EMPTY_SETTINGS, SETTINGS_MEMO, type StoredSettings } from './messages';

export const SETTINGS_REFRESH_MS = 1_000;

export interface LiveStatus {
  version: number;
  /** When the settings were last read from Temporal (epoch ms). */
  refreshedAt?: number;
  /** Why the last read failed, while it does. */
  error?: string;
}

export class LiveSettings {
  private effective: EffectiveSettings;
  private stored: StoredSettings = EMPTY_SETTINGS;
  private carried?: TriggerSettings;
  private timer?: NodeJS.Timeout;
  private refreshedAt?: number;
  private error?: string;
  private readonly listeners: ((settings: EffectiveSettings) => void)[] = [];

  constructor(
    private readonly client: Client,
    readonly envConfig: Config,
    readonly env: Env = environmentOf(envConfig),
    private readonly intervalMs = SETTINGS_REFRESH_MS,
  ) {
    this.effective = effectiveSettings(envConfig, env, EMPTY_SETTINGS);
  }

  get workflowId(): string {
    return workflowIds.settings(this.envConfig.temporal.taskQueue);
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
    return {
      version: this.effective.version,
      ...(this.refreshedAt ? { refreshedAt: this.refreshedAt } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Called with the new settings whenever the version changes. */
  onChange(listener: (settings: EffectiveSettings) => void): void {
    this.listeners.push(listener);
  }

  /** Reads the memo once; never throws (a failure is kept in `status()`). */
  async refresh(): Promise<void> {
    try {
      const description = await this.client.withDeadline(Date.now() + 2_000, () =>
        this.client.workflow.getHandle(this.workflowId).describe(),
      );
      this.accept((description.memo?.[SETTINGS_MEMO] as StoredSettings | undefined) ?? EMPTY_SETTINGS);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        // Nobody has changed a setting yet: the environment's and the defaults are in force.
        this.accept(EMPTY_SETTINGS);
        return;
      }
      this.error = `cannot read the settings from Temporal: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Takes settings read elsewhere (the answer to a change this process made), if newer. */
  accept(stored: StoredSettings): void {
    this.refreshedAt = Date.now();
    this.error = undefined;
    if (stored.version <= this.effective.version) return;
    this.stored = stored;
    this.effective = effectiveSettings(this.envConfig, this.env, stored);
    for (const listener of this.listeners) listener(this.effective);
  }

  /** Computes the settings in force again from the environment's configuration (tests that change it after start). */
  reload(): void {
    this.effective = effectiveSettings(this.envConfig, this.env, this.stored);
    this.carried = undefined;
  }

  /** Reads now, then every second. Resolves after the first read (or its failure). */
  async start(): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => void this.refresh(), this.intervalMs);
    // The refresh never keeps a process alive by itself.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
