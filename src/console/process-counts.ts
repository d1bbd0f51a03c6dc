// How many processes of an integration run, by their RelayStatus, from Temporal's visibility store: one
// count per integration, grouped by RelayStatus when the server can (a cluster on Elasticsearch); where it
// cannot (SQL visibility, the dev server), the statuses of the first 100 running processes, read in one
// page. Kept for 5 s so a busy page costs Temporal little.
import type { Client } from '@temporalio/client';

export const COUNTS_TTL_MS = 5_000;
/** Running processes whose statuses are read when the server cannot group: one page. */
export const LISTED_AT_MOST = 100;
const GRPC_INVALID_ARGUMENT = 3;

export interface ProcessCounts {
  running: number;
  /** Running processes by RelayStatus. */
  byStatus?: Record<string, number>;
  /** `byStatus` covers only the first LISTED_AT_MOST running processes (the server cannot group). */
  partial?: boolean;
  error?: string;
}

const toNumber = (value: unknown): number =>
  typeof value === 'number'
    ? value
    : value && typeof value === 'object' && 'toNumber' in value
      ? (value as { toNumber(): number }).toNumber()
      : Number(value ?? 0);

/** A keyword comes back as a JSON payload (`"invited"`, or `["invited"]` as a search attribute). */
function keyword(payload: { data?: Uint8Array | null } | null | undefined): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload?.data ?? []).toString('utf8'));
    return String((Array.isArray(value) ? value[0] : value) ?? '(none)');
  } catch {
    return '(none)';
  }
}

export class ProcessCounter {
  private readonly cache = new Map<string, { at: number; counts: Promise<ProcessCounts> }>();
  /** Learned once: servers that refuse `GROUP BY RelayStatus` are not asked again. */
  private groupBy = true;

  constructor(
    private readonly client: Client,
    private readonly namespace: string,
    private readonly now: () => number = Date.now,
  ) {}

  of(integration: string): Promise<ProcessCounts> {
    const cached = this.cache.get(integration);
    if (cached && this.now() - cached.at < COUNTS_TTL_MS) return cached.counts;
    const counts = this.count(integration);
    this.cache.set(integration, { at: this.now(), counts });
    return counts;
  }

  private async count(integration: string): Promise<ProcessCounts> {
    // Names come from the registry (lowercase words and dashes), so quoting them is safe.
    const query = `RelayIntegration = "${integration.replace(/["\\]/g, '')}" AND ExecutionStatus = "Running"`;
    const ask = (q: string) =>
      this.client.withDeadline(this.now() + 2_000, () =>
        this.client.workflowService.countWorkflowExecutions({ namespace: this.namespace, query: q }),
      );
    try {
      if (this.groupBy) {
        try {
          const answer = await ask(`${query} GROUP BY RelayStatus`);
          const byStatus: Record<string, number> = {};
          for (const group of answer.groups ?? []) byStatus[keyword(group.groupValues?.[0])] = toNumber(group.count);
          return { running: toNumber(answer.count), byStatus };
        } catch (error) {
          // INVALID_ARGUMENT: this server cannot group by a custom attribute. Anything else is passing trouble.
          if ((error as { code?: number }).code !== GRPC_INVALID_ARGUMENT) throw error;
          this.groupBy = false;
        }
      }
      const [count, listed] = await Promise.all([ask(query), this.listStatuses(query)]);
      return { running: toNumber(count.count), ...listed };
    } catch (error) {
      return { running: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The statuses of one page of running processes, counted here. */
  private async listStatuses(query: string): Promise<Pick<ProcessCounts, 'byStatus' | 'partial'>> {
    const page = await this.client.withDeadline(this.now() + 2_000, () =>
      this.client.workflowService.listWorkflowExecutions({ namespace: this.namespace, query, pageSize: LISTED_AT_MOST }),
    );
    const byStatus: Record<string, number> = {};
    for (const execution of page.executions ?? []) {
      const status = keyword(execution.searchAttributes?.indexedFields?.RelayStatus);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    return { byStatus, partial: (page.nextPageToken?.length ?? 0) > 0 };
  }
}
