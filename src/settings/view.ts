// What the console and `GET /admin/settings` show of the settings: every group (each integration, and the
// relay's own `lever` group) with each field's current value, where it comes from, and whether the group
// is set up. Plain data, built by the settings service from the environment and the stored settings.
import type { FieldKind } from './fields';

export interface FieldView {
  name: string;
  label: string;
  help?: string;
  kind: FieldKind;
  /** The value in force: the environment's, else the console's, else the default. */
  value: unknown;
  /** Where `value` comes from. */
  source: 'environment' | 'console' | 'default';
  /** Set when the environment gives this field: it is read-only in the console ("set by WILLO_TRIGGER_STAGES"). */
  lockedBy?: string;
  /** The variable that would lock it. */
  env: string;
  requiredWhenEnabled: boolean;
}

export interface SecretView {
  /** `WILLO_API_KEY`. */
  env: string;
  label: string;
  set: boolean;
}

export interface GroupView {
  /** `willo`, `tech-interview`, or `lever` for the relay's own settings: the `<integration>` of the routes. */
  id: string;
  title: string;
  /** Integrations have a switch; the relay's own group is always on. */
  integration: boolean;
  enabled: boolean;
  /** Switched on with everything it needs. */
  setUp: boolean;
  /** What is missing for it to be set up ("Trigger stages is not set"). */
  missing: string[];
  fields: FieldView[];
  secrets: SecretView[];
}

export interface SettingsView {
  /** Bumped by every change; the `If-Match` of the next one. */
  version: number;
  groups: GroupView[];
  /** When this process last read the stored settings, and whether that read failed (it keeps its last copy). */
  refreshedAt?: number;
  stale?: string;
}

/** One field's change in the audit log. */
export interface FieldChange {
  group: string;
  field: string;
  old: unknown;
  new: unknown;
}

/** One accepted change: who, when, what (old -> new), and the version it made. */
export interface AuditEntry {
  version: number;
  at: number;
  actor: string;
  /** `console`, `api`, `import`. */
  via: string;
  changes: FieldChange[];
}
