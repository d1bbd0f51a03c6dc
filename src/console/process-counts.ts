// How many processes of an integration run, by their RelayStatus, from Temporal's visibility store: one
// count per integration (grouped when the server can group by RelayStatus, else the running total), kept
// for 5 s so a busy page costs Temporal little.
import type { Client } from '@temporalio/client';

export const COUNTS_TTL_MS = 5_000;
const GRPC_INVALID_ARGUMENT = 3;

export interface ProcessCounts {
  running: number;
  /** Running processes by RelayStatus, when the server can group by it. */
  byStatus?: Record<string, number>;
  error?: string;
}

const toNumber = (value: unknown): number =>
  typeof value === 'number'
    ? value
    : value && typeof value === 'object' && 'toNumber' in value
      ? (value as { toNumber(): number }).toNumber()
      : Number(value ?? 0);

/** A group value comes back as a JSON payload (`"invited"`). */
function groupName(payload: { data?: Uint8Array | null } | undefined): string {
  try {
    return String(JSON.parse(Buffer.from(payload?.data ?? []).toString('utf8')) ?? '(none)');
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
          for (const group of answer.groups ?? []) byStatus[groupName(group.groupValues?.[0] ?? undefined)] = toNumber(group.count);
          return { running: toNumber(answer.count), byStatus };
        } catch (error) {
          // INVALID_ARGUMENT: this server cannot group by a custom attribute. Anything else is passing trouble.
          if ((error as { code?: number }).code !== GRPC_INVALID_ARGUMENT) throw error;
          this.groupBy = false;
        }
      }
      return { running: toNumber((await ask(query)).count) };
    } catch (error) {
      return { running: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
