// What the console and the JSON API may do with the settings: read what this process holds, change one
// group (validated, audited), read the audit log. Implemented by SettingsService; tests may fake it.
import type { FieldProblem } from '../http/problems';
import type { AuditEntry, SettingsView } from './view';

/** Who makes a change, as the audit log names them. */
export interface ChangeActor {
  id: string;
}

/** A change refused: 400 with each field's message, or 409 when the version was stale (`changes` since it). */
export class SettingsRejected extends Error {
  constructor(
    readonly status: 400 | 409,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly changes: AuditEntry[] = [],
  ) {
    super(message);
    this.name = 'SettingsRejected';
  }
}

export interface SettingsAccess {
  /** The settings this process holds now (refreshed from Temporal within 2 s of a change). */
  view(): SettingsView;
  /**
   * Validates (schemas, locks, the live Lever lists) and saves one group's fields; resolves with the new
   * version once Temporal has accepted it. Refuses with `SettingsRejected`.
   */
  change(
    group: string,
    patch: Record<string, unknown>,
    expectedVersion: number,
    actor: ChangeActor,
    via: string,
  ): Promise<{ version: number }>;
  /** The audit log, newest first. */
  audit(): Promise<AuditEntry[]>;
}
