// `relay-settings/<task queue>`: the one place the relay's non-secret settings live. An entity workflow
// that never ends: every change is a Temporal Update whose validator refuses a stale version or a
// malformed change (the API has already checked each value against its schema and Lever's live lists),
// bumps the version, records who changed what (old -> new) and publishes the settings in the workflow's
// memo, where every API and worker reads them with a describe: no worker is needed to read them, only to
// change them. Schedules that depend on settings (the sweep, Wintro's sync) are brought up to date by an
// activity after each change. The audit log (the last 1,000 changes) travels across continue-as-new.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  makeContinueAsNewFunc,
  proxyActivities,
  setHandler,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import { PATIENT_RETRY } from '../temporal/retry';
import type { SettingsActivities } from './activities';
import {
  AUDIT_LIMIT,
  auditQuery,
  changeSettingsUpdate,
  EMPTY_SETTINGS,
  INVALID_CHANGE,
  SETTINGS_MEMO,
  settingsQuery,
  STALE_VERSION,
  type ChangeRequest,
  type SettingsInput,
  type StoredSettings,
  type StoredValues,
} from './messages';
import type { AuditEntry, FieldChange } from './view';

/** Changes per run before continuing as new (a change is a handful of events). */
const CHANGES_PER_RUN = 500;

export async function relaySettings(input: SettingsInput = {}): Promise<void> {
  let settings: StoredSettings = input.settings ?? EMPTY_SETTINGS;
  const audit: AuditEntry[] = input.audit ?? [];
  let changesThisRun = 0;
  /** The version whose schedules are not yet brought up to date. */
  let unapplied: number | undefined;
  const { applySettings } = proxyActivities<SettingsActivities>({ startToCloseTimeout: '1m', retry: PATIENT_RETRY });

  upsertMemo({ [SETTINGS_MEMO]: settings });
  setHandler(settingsQuery, () => settings);
  setHandler(auditQuery, (options) => {
    const since = options?.sinceVersion;
    return (since === undefined ? audit : audit.filter((entry) => entry.version > since)).slice().reverse();
  });
  setHandler(
    changeSettingsUpdate,
    (request) => {
      const { values, changes } = applyChange(settings.values, request);
      if (changes.length > 0) {
        settings = { version: settings.version + 1, values, changedAt: Date.now() };
        audit.push({ version: settings.version, at: settings.changedAt, actor: request.actor, via: request.via, changes });
        if (audit.length > AUDIT_LIMIT) audit.splice(0, audit.length - AUDIT_LIMIT);
        upsertMemo({ [SETTINGS_MEMO]: settings });
        unapplied = settings.version;
        changesThisRun += 1;
      }
      return { settings, changes };
    },
    {
      validator: (request) => {
        if (request.expectedVersion !== settings.version) {
          throw ApplicationFailure.create({
            type: STALE_VERSION,
            message: `the settings are at version ${settings.version}, not ${request.expectedVersion}: someone else changed them`,
            details: [{ version: settings.version, since: audit.filter((entry) => entry.version > request.expectedVersion) }],
            nonRetryable: true,
          });
        }
        const problem = malformed(request);
        if (problem) throw ApplicationFailure.create({ type: INVALID_CHANGE, message: problem, nonRetryable: true });
      },
    },
  );

  for (;;) {
    await condition(() => unapplied !== undefined || changesThisRun >= CHANGES_PER_RUN || workflowInfo().continueAsNewSuggested);
    if (unapplied !== undefined) {
      const version = unapplied;
      await applySettings(settings);
      if (unapplied === version) unapplied = undefined;
      continue;
    }
    await condition(allHandlersFinished);
    // The memo goes along, so readers never see a run without settings.
    await makeContinueAsNewFunc<typeof relaySettings>({ memo: { [SETTINGS_MEMO]: settings } })({ settings, audit });
  }
}

function malformed(request: ChangeRequest): string | undefined {
  if (request.mode !== 'merge' && request.mode !== 'replace') return 'mode must be merge or replace';
  if (typeof request.actor !== 'string' || request.actor === '') return 'a change names who made it';
  if (typeof request.set !== 'object' || request.set === null) return 'set must be an object of groups';
  for (const [group, fields] of Object.entries(request.set)) {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return `${group} must be an object of fields`;
  }
  return undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The values after a change, and each field that changed (old -> new; `undefined` is the default). */
function applyChange(current: StoredValues, request: ChangeRequest): { values: StoredValues; changes: FieldChange[] } {
  const values: StoredValues = {};
  const changes: FieldChange[] = [];
  const groups = new Set([...Object.keys(current), ...Object.keys(request.set)]);
  for (const group of groups) {
    const before = current[group] ?? {};
    const given = request.set[group];
    const after: Record<string, unknown> = request.mode === 'replace' ? {} : { ...before };
    for (const [field, value] of Object.entries(given ?? {})) {
      if (value === null) delete after[field];
      else after[field] = value;
    }
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!same(before[field], after[field])) changes.push({ group, field, old: before[field] ?? null, new: after[field] ?? null });
    }
    if (Object.keys(after).length > 0) values[group] = after;
  }
  return { values, changes };
}
