// Settings under fire, for the cluster test: changes saved through one API, alternating, while workers are
// being killed, each timed from "Save" (the PUT's answer) until every API and worker that is up reports the
// new version on its /metrics (`relay_settings_version`); then a manual sync through the other API whose
// decision must record that version. Once, the worker that last ran the settings workflow is SIGKILLed
// right before a save: the change must still be saved and nothing may wait on it.
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../../src/assembly/config';
import { SANDBOX_ADMIN_TOKEN } from '../../src/config/sandbox-defaults';
import type { Cluster } from '../../src/dev/cluster/cluster';
import type { ClusterSettings } from '../../src/dev/cluster/settings';
import { opportunityStateQuery, type OpportunityState } from '../../src/opportunity/messages';
import type { SettingsView } from '../../src/settings/view';
import { dataConverter } from '../../src/temporal/connection';
import { workflowIds } from '../../src/temporal/workflow-ids';

const auth = { authorization: `Bearer ${SANDBOX_ADMIN_TOKEN}` };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SettingsChange {
  version: number;
  /** The API the change was saved through (1 or 2). */
  api: number;
  /** The PUT's own time. */
  saveMs: number;
  /** From the PUT's answer until every process that is up reports the version; undefined: not within 10 s. */
  everywhereMs?: number;
  /** Processes that reported it (killed workers that were restarting are not counted). */
  processes: number;
  /** The worker that last ran the settings workflow was SIGKILLed just before this save. */
  killedSettingsWorker: boolean;
  /** A manual sync through the other API decided with this version; else why not. */
  usedByOtherApi?: true | string;
  /** Saves made (a stale or unconfirmed save is made again). */
  tries: number;
}

export class SettingsChanges {
  readonly changes: SettingsChange[] = [];
  readonly failures: string[] = [];
  /** Saves made again, and why. */
  readonly retries: string[] = [];
  private readonly client: Promise<Client>;

  constructor(
    private readonly cluster: Cluster,
    private readonly settings: ClusterSettings,
  ) {
    // The relay's payload key (the cluster runs in sandbox mode unless told otherwise): queries answer encrypted.
    const converter = dataConverter(loadConfig({ ...process.env, TEMPORAL_ADDRESS: cluster.urls.temporal }));
    this.client = Connection.connect({ address: cluster.urls.temporal }).then(
      (connection) => new Client({ connection, namespace: settings.temporal.namespace, dataConverter: converter }),
    );
  }

  private metricsUrls(): string[] {
    return [
      ...this.cluster.urls.apis.map((url) => `${url}/metrics`),
      ...this.cluster.workers.map((_, i) => `http://127.0.0.1:${this.settings.workerMetricsPort + i}/metrics`),
    ];
  }

  /** One change through API `index % 2`, timed; `opportunityId` is synced through the other API afterwards. */
  async change(index: number, opportunityId: string | undefined, killSettingsWorker = false): Promise<void> {
    const apiIndex = index % this.cluster.urls.apis.length;
    const api = this.cluster.urls.apis[apiIndex];
    const other = this.cluster.urls.apis[(apiIndex + 1) % this.cluster.urls.apis.length];
    try {
      const killed = killSettingsWorker ? await this.killSettingsWorker(api) : false;
      // As a person would: a save refused as stale (another process's change landed late) or not confirmed
      // in time (503) is made again on the settings as they now are.
      let answer: Response | undefined;
      let started = Date.now();
      let tries = 0;
      for (; tries < 4; tries++) {
        const current = (await (await fetch(`${api}/admin/settings`, { headers: auth })).json()) as { version: number };
        started = Date.now();
        answer = await fetch(`${api}/admin/settings/willo`, {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/json', 'if-match': String(current.version) },
          // Harmless under load: only processes started from now on wait this long for a reviewer.
          body: JSON.stringify({ reviewWait: `${90 + index + 1}d` }),
        });
        if (answer.status !== 409 && answer.status !== 503) break;
        this.retries.push(`change ${index}: ${answer.status} ${(await answer.text()).slice(0, 160)}`);
        await sleep(2_000);
      }
      const saved = Date.now();
      if (!answer?.ok) {
        this.failures.push(`change ${index}: PUT answered ${answer?.status} ${await answer?.text()}`);
        return;
      }
      const { version } = (await answer.json()) as { version: number };
      const { everywhereMs, processes } = await this.untilEverywhere(version, saved);
      const change: SettingsChange = {
        version,
        api: apiIndex + 1,
        saveMs: saved - started,
        processes,
        killedSettingsWorker: killed,
        tries: tries + 1,
      };
      if (everywhereMs !== undefined) change.everywhereMs = everywhereMs;
      if (opportunityId) change.usedByOtherApi = await this.usedThrough(other, opportunityId, version);
      this.changes.push(change);
    } catch (error) {
      this.failures.push(`change ${index}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Polls every /metrics until each answering process holds `version` (at most 10 s). */
  private async untilEverywhere(version: number, since: number): Promise<{ everywhereMs?: number; processes: number }> {
    const deadline = since + 10_000;
    for (;;) {
      const versions = await Promise.all(this.metricsUrls().map((url) => versionAt(url)));
      const up = versions.filter((v): v is number => v !== undefined);
      if (up.length > 0 && up.every((v) => v >= version)) return { everywhereMs: Date.now() - since, processes: up.length };
      if (Date.now() > deadline) return { processes: up.filter((v) => v >= version).length };
      await sleep(50);
    }
  }

  /** A manual sync through the other API: its decisions must record the new version. */
  private async usedThrough(api: string, opportunityId: string, version: number): Promise<true | string> {
    const since = Date.now();
    const answer = await fetch(`${api}/admin/opportunities/${opportunityId}/sync`, { method: 'POST', headers: auth });
    if (answer.status !== 202) return `the sync answered ${answer.status}`;
    const client = await this.client;
    const handle = client.workflow.getHandle(workflowIds.opportunity(opportunityId));
    let seen = 'no decision after the sync';
    for (let i = 0; i < 300; i++) {
      try {
        const { status } = await handle.describe();
        const state: OpportunityState = status.name === 'RUNNING' ? await handle.query(opportunityStateQuery) : await handle.result();
        // Workflow time is the worker's clock, this machine's: a decision made after the sync was sent with
        // the new version (a look at an older trigger still queued may come first, with the old one).
        const after = state.log.filter((d) => d.at >= since);
        if (after.some((d) => d.settingsVersion === version)) return true;
        if (after.length > 0)
          seen = `decisions after the sync used versions ${[...new Set(after.map((d) => d.settingsVersion))].join(', ')}`;
      } catch (error) {
        // Between runs, or a worker being killed: look again.
        seen = `could not read the decisions: ${error instanceof Error ? error.message : String(error)}`;
      }
      await sleep(200);
    }
    return seen;
  }

  /**
   * SIGKILLs the worker whose identity ran the settings workflow's last task (it holds the workflow in its
   * cache). When that worker is gone already (the chaos killer), a change that changes nothing makes a live
   * worker run a task first. False when it cannot tell.
   */
  private async killSettingsWorker(api: string): Promise<boolean> {
    const client = await this.client;
    for (let attempt = 0; attempt < 3; attempt++) {
      const history = await client.workflow.getHandle(workflowIds.settings(this.settings.taskQueue)).fetchHistory();
      const identity = [...(history.events ?? [])].reverse().find((e) => e.workflowTaskStartedEventAttributes)
        ?.workflowTaskStartedEventAttributes?.identity;
      const pid = Number(identity?.split('@')[0]);
      const victim = this.cluster.workers.find((w) => w.pid === pid);
      if (victim) return victim.kill('SIGKILL');
      const current = (await (await fetch(`${api}/admin/settings`, { headers: auth })).json()) as SettingsView;
      const reviewWait = current.groups.find((g) => g.id === 'willo')?.fields.find((f) => f.name === 'reviewWait')?.value;
      await fetch(`${api}/admin/settings/willo`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': String(current.version) },
        body: JSON.stringify({ reviewWait }),
      });
    }
    return false;
  }

  async close(): Promise<void> {
    await (await this.client).connection.close();
  }
}

async function versionAt(url: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(url, { signal: AbortSignal.timeout(1_000) })).text();
    const line = text.split('\n').find((l) => l.startsWith('relay_settings_version'));
    return line ? Number(line.trim().split(/\s+/).pop()) : undefined;
  } catch {
    return undefined;
  }
}
