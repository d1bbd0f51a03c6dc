// Which payload keys open runs still need. A run's first event (its input) is encrypted with the key that
// was first when it started (or continued as new), and its history keeps needing that key until it has
// closed and passed retention: so a key may be retired only when no open run started under it. Reads each
// open run's first event raw (no decryption), one request per run: `npm run doctor` only.
import type { Client } from '@temporalio/client';
import type { RelayConfig } from '../config/relay';
import { keyIdOf } from '../temporal/codec';
import { fail, pass, reason, type CheckResult } from './check';

const CONCURRENCY = 16;

export async function payloadKeyChecks(config: Pick<RelayConfig, 'payloadKeys' | 'temporal'>, client: Client): Promise<CheckResult[]> {
  const namespace = client.options.namespace;
  const runs: { workflowId: string; runId: string }[] = [];
  try {
    // Raw pages, not client.workflow.list: that decodes each run's memo, and a memo under a key this process
    // lacks is exactly what this check is looking for.
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await client.workflowService.listWorkflowExecutions({
        namespace,
        // This deployment's runs (its task queue): another deployment in the namespace has keys of its own.
        query: `ExecutionStatus = "Running" AND TaskQueue = "${config.temporal.taskQueue}"`,
        pageSize: 1000,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      for (const info of page.executions ?? [])
        if (info.execution?.workflowId && info.execution.runId)
          runs.push({ workflowId: info.execution.workflowId, runId: info.execution.runId });
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
  } catch (error) {
    return [fail('Payload keys: open runs', `cannot list open runs: ${reason(error)}`, 'check that Temporal is reachable')];
  }
  const byKey = new Map<string, number>();
  let unreadable = 0;
  for (let i = 0; i < runs.length; i += CONCURRENCY) {
    await Promise.all(
      runs.slice(i, i + CONCURRENCY).map(async ({ workflowId, runId }) => {
        try {
          const { history } = await client.workflowService.getWorkflowExecutionHistory({
            namespace,
            execution: { workflowId, runId },
            maximumPageSize: 1,
          });
          const input = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
          for (const id of new Set(input.map((p) => keyIdOf(p)).filter((k): k is string => k !== undefined)))
            byKey.set(id, (byKey.get(id) ?? 0) + 1);
        } catch {
          unreadable += 1;
        }
      }),
    );
  }
  const configured = config.payloadKeys.map((k) => k.id);
  const results: CheckResult[] = config.payloadKeys.map(({ id }, i) => {
    const open = byKey.get(id) ?? 0;
    if (i === 0) return pass(`Payload key ${id}`, `encrypts new payloads; ${open} open runs started under it`);
    return pass(
      `Payload key ${id}`,
      open > 0
        ? `still needed: ${open} open runs started under it`
        : 'no open run started under it: it may be retired once the runs that used it have passed the namespace retention',
    );
  });
  for (const [id, open] of byKey) {
    if (configured.includes(id)) continue;
    results.push(
      fail(
        `Payload key ${id}`,
        `${open} open runs started under this key, which is not configured: their histories cannot be decrypted`,
        `add ${id}:<its key> back to PAYLOAD_ENCRYPTION_KEYS (after the first) until those runs have closed`,
      ),
    );
  }
  if (unreadable > 0)
    results.push(fail('Payload keys: open runs', `${unreadable} of ${runs.length} histories could not be read`, 'run the doctor again'));
  return results;
}
