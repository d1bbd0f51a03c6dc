// Changing the settings: validate on the server (schemas, locks, Lever's live lists), then one Temporal
// Update of the settings workflow, whose validator refuses a stale version. Used by the JSON API, the
// console and `npm run settings`.
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { HttpProblem, type FieldProblem } from '../http/problems';
import { ensureEntityStarted, executeUpdateOnce } from '../temporal/entity-updates';
import { taskQueues } from '../temporal/task-queues';
import { SettingsRejected, type ChangeActor, type SettingsAccess } from './access';
import { lockOf } from './effective';
import { settingGroup, settingGroups } from './groups';
import type { LeverLists } from './lever-lists';
import type { LiveSettings } from './live';
import { auditQuery, changeSettingsUpdate, INVALID_CHANGE, STALE_VERSION, type ChangeRequest, type StoredValues } from './messages';
import { validateChange } from './validate';
import type { AuditEntry, SettingsView } from './view';
import { relaySettings } from './workflow';

export class SettingsService implements SettingsAccess {
  constructor(
    private readonly live: LiveSettings,
    private readonly client: Client,
    readonly lists: LeverLists,
  ) {}

  view(): SettingsView {
    const status = this.live.status();
    return {
      ...this.live.current().view,
      ...(status.refreshedAt ? { refreshedAt: status.refreshedAt } : {}),
      ...(status.error ? { stale: status.error } : {}),
    };
  }

  async change(groupId: string, patch: Record<string, unknown>, expectedVersion: number, actor: ChangeActor, via: string) {
    const group = settingGroup(groupId);
    if (!group)
      throw new HttpProblem(
        404,
        `no settings group "${groupId}" (one of: ${settingGroups()
          .map((g) => g.id)
          .join(', ')})`,
      );
    const { values, problems } = await this.validated(() => validateChange(group, patch, this.live.env, this.lists));
    if (problems.length > 0) throw new SettingsRejected(400, `invalid ${group.title} settings`, problems);
    return this.save({ expectedVersion, set: { [group.id]: values }, mode: 'merge', actor: actor.id, via });
  }

  /**
   * Every group at once, as `npm run settings -- export` wrote them: one audited change. Groups and fields
   * left out go back to their defaults; fields the environment locks are skipped (the environment wins).
   */
  async replaceAll(values: StoredValues, actor: ChangeActor, via: string, expectedVersion = this.live.current().version) {
    const problems: FieldProblem[] = [];
    const set: StoredValues = {};
    for (const [groupId, fields] of Object.entries(values)) {
      const group = settingGroup(groupId);
      if (!group) {
        problems.push({ field: groupId, message: 'no such settings group' });
        continue;
      }
      const unlocked = Object.fromEntries(Object.entries(fields).filter(([name]) => !lockOf(this.live.env, group, name)));
      const checked = await this.validated(() => validateChange(group, unlocked, this.live.env, this.lists));
      problems.push(...checked.problems.map((p) => ({ ...p, field: `${group.id}.${p.field}` })));
      set[group.id] = checked.values;
    }
    if (problems.length > 0) throw new SettingsRejected(400, 'invalid settings', problems);
    return this.save({ expectedVersion, set, mode: 'replace', actor: actor.id, via });
  }

  async audit(): Promise<AuditEntry[]> {
    try {
      return await this.client.workflow.getHandle(this.live.workflowId).query(auditQuery, {});
    } catch (error) {
      if ((error as Error).name === 'WorkflowNotFoundError') return [];
      throw error;
    }
  }

  /** Lever's lists could not be read (Lever down, no worker on the Lever queue): nothing is saved. */
  private async validated<T>(validate: () => Promise<T>): Promise<T> {
    try {
      return await validate();
    } catch (error) {
      throw new HttpProblem(
        503,
        `Lever's lists cannot be read to check this change: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async save(request: ChangeRequest): Promise<{ version: number }> {
    // The first change starts the settings workflow; afterwards this joins the running one.
    const { workflowId } = this.live;
    await ensureEntityStarted(this.client, relaySettings, {
      workflowId,
      taskQueue: taskQueues(this.live.envConfig.temporal.taskQueue).main,
    });
    try {
      const result = await executeUpdateOnce(this.client.workflow.getHandle(workflowId), changeSettingsUpdate, [request], {
        advice: 'reload the settings before saving again',
      });
      this.live.accept(result.settings);
      return { version: result.settings.version };
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type === STALE_VERSION) {
        const details = cause.details?.[0] as { since?: AuditEntry[] } | undefined;
        throw new SettingsRejected(409, cause.message, [], details?.since ?? []);
      }
      if (cause instanceof ApplicationFailure && cause.type === INVALID_CHANGE) throw new SettingsRejected(400, cause.message);
      throw error;
    }
  }
}
