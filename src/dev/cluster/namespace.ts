// The relay's namespace and search attributes on a fresh cluster (what `temporal operator namespace
// create` and `temporal operator search-attribute create` do, through the SDK's gRPC services). The list of
// attributes is SEARCH_ATTRIBUTE_FLAGS, the same list the dev server is started with.
import { Connection } from '@temporalio/client';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../temporal/search-attributes';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  keywordlist: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** `Name=Keyword` pairs as the dev server takes them. */
export function parseSearchAttributeFlags(
  flags: readonly string[] = SEARCH_ATTRIBUTE_FLAGS,
): Record<string, temporal.api.enums.v1.IndexedValueType> {
  const parsed: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const flag of flags) {
    const [name, type] = flag.split('=');
    const value = TYPES[(type ?? '').toLowerCase()];
    if (!name || value === undefined) throw new Error(`search attribute ${JSON.stringify(flag)} is not Name=Type`);
    parsed[name] = value;
  }
  return parsed;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries while the freshly started server is still finding its own services (membership, shards). */
async function retrying<T>(what: string, call: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      await sleep(500);
    }
  }
}

export interface NamespaceOutcome {
  namespaceCreated: boolean;
  /** The retention was set to the configured days on an existing namespace. */
  retentionUpdated: boolean;
  searchAttributesAdded: string[];
}

export async function ensureNamespace(address: string, namespace: string, retentionDays: number): Promise<NamespaceOutcome> {
  const connection = await retrying('connecting to Temporal', () => Connection.connect({ address, connectTimeout: '2s' }));
  try {
    let namespaceCreated = false;
    let retentionUpdated = false;
    const retention = msToTs(`${retentionDays} days`);
    await retrying(`registering namespace ${namespace}`, async () => {
      try {
        const described = await connection.workflowService.describeNamespace({ namespace });
        // The retention is a decision (how long candidate data stays), not a default: keep it as configured.
        if (tsToMs(described.config?.workflowExecutionRetentionTtl) !== tsToMs(retention)) {
          await connection.workflowService.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: retention } });
          retentionUpdated = true;
        }
      } catch (error) {
        if ((error as { code?: number }).code !== 5 /* NOT_FOUND */) throw error;
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: retention,
        });
        namespaceCreated = true;
      }
    });

    const wanted = parseSearchAttributeFlags();
    const existing = await retrying('listing search attributes', () => connection.operatorService.listSearchAttributes({ namespace }));
    const missing = Object.fromEntries(Object.entries(wanted).filter(([name]) => !(name in (existing.customAttributes ?? {}))));
    if (Object.keys(missing).length > 0) {
      await retrying('adding search attributes', () =>
        connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing }),
      );
    }
    // The frontend validates attributes against its namespace cache (refreshed every 10 s): wait until a
    // query naming every attribute is accepted, so the first webhook is not refused.
    const query = Object.keys(wanted)
      .map((name) => `${name} = "probe"`)
      .join(' AND ');
    await retrying('waiting for the namespace and its search attributes to be usable', () =>
      connection.workflowService.countWorkflowExecutions({ namespace, query }),
    );
    return { namespaceCreated, retentionUpdated, searchAttributesAdded: Object.keys(missing) };
  } finally {
    await connection.close();
  }
}
