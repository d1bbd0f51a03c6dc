// The settings workflow's messages and what it keeps: shared by the workflow, the API, the worker, the CLI
// and tests. Workflow-safe: types and Temporal definitions only.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AuditEntry, FieldChange } from './view';

/** What a person set in the console, by group (`willo`, `lever`...) and field; a field left out has its default. */
export type StoredValues = Record<string, Record<string, unknown>>;

/** The settings as every process reads them (the workflow's memo, `settings`). */
export interface StoredSettings {
  version: number;
  values: StoredValues;
  /** Workflow time of the last change, epoch ms (0 before any). */
  changedAt: number;
}

export const EMPTY_SETTINGS: StoredSettings = { version: 0, values: {}, changedAt: 0 };

/** The memo key that holds the StoredSettings. */
export const SETTINGS_MEMO = 'settings';

/** The audit log outlives Temporal's retention: the last this many changes travel across continue-as-new. */
export const AUDIT_LIMIT = 1_000;

export interface ChangeRequest {
  /** Refused unless it is the version in force (two admins editing at once: the later save is stale). */
  expectedVersion: number;
  /** New values by group and field; `null` puts a field back to its default. */
  set: StoredValues;
  /** `replace`: an import; every group's values become exactly `set` (fields left out go back to defaults). */
  mode: 'merge' | 'replace';
  actor: string;
  via: string;
}

export interface ChangeResult {
  settings: StoredSettings;
  /** What changed (nothing when every value was already so). */
  changes: FieldChange[];
}

/** The failure type of a stale `expectedVersion`; its details carry `{ version, since: AuditEntry[] }`. */
export const STALE_VERSION = 'StaleSettingsVersion';
export const INVALID_CHANGE = 'InvalidSettingsChange';

export const changeSettingsUpdate = defineUpdate<ChangeResult, [ChangeRequest]>('changeSettings');
export const auditQuery = defineQuery<AuditEntry[], [{ sinceVersion?: number }?]>('audit');
export const settingsQuery = defineQuery<StoredSettings>('settings');

/** Carried across continue-as-new. */
export interface SettingsInput {
  settings?: StoredSettings;
  audit?: AuditEntry[];
}
