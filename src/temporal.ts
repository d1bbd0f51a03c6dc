// Temporal connection settings, data converter and the names shared by api, worker and tests.
// Connection details come from the standard TEMPORAL_* variables through @temporalio/envconfig.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { EncryptionCodec } from './codec';
import type { Config } from './config';

export { workflowIds, opportunityProcessIds } from './workflow-ids';
export { SEARCH_ATTRIBUTES, SEARCH_ATTRIBUTE_FLAGS, INTEGRATIONS } from './search-attributes';
export { taskQueues } from './task-queues';

export function dataConverter(config: Pick<Config, 'payloadKey'>): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(config.payloadKey)] };
}

/** Address, TLS and API key from TEMPORAL_* (or a temporal.toml profile), defaulting to the embedded server. */
export function temporalConnectionOptions(config: Pick<Config, 'temporal'>) {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return {
    connectionOptions: { ...connectionOptions, address: connectionOptions.address ?? config.temporal.address },
    namespace: namespace ?? config.temporal.namespace,
  };
}

/**
 * A lazy connection lets the API start and answer 503 while Temporal is unreachable, instead of refusing
 * to start: Lever retries a failed delivery, so nothing is lost.
 */
export function createTemporalClient(config: Pick<Config, 'temporal' | 'payloadKey'>): Client {
  const { connectionOptions, namespace } = temporalConnectionOptions(config);
  const connection = Connection.lazy({ ...connectionOptions, connectTimeout: '3s' });
  return new Client({ connection, namespace, dataConverter: dataConverter(config) });
}
