// Temporal connection settings and the data converter shared by api, worker and tests. Connection
// details come from the standard TEMPORAL_* variables through @temporalio/envconfig.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { readFileSync } from 'node:fs';
import { EncryptionCodec, type PayloadKey } from './codec';

export interface TemporalSettings {
  /** true when `npm start` should run the embedded dev server (no TEMPORAL_ADDRESS given). */
  embedded: boolean;
  address: string;
  namespace: string;
  uiUrl: string;
  taskQueue: string;
  maxCachedWorkflows: number;
}

export function dataConverter(config: { payloadKey: Buffer; payloadKeys?: PayloadKey[] }): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(config.payloadKeys ?? config.payloadKey)] };
}

/** Address, TLS and API key from TEMPORAL_* (or a temporal.toml profile), defaulting to the embedded server. */
export function temporalConnectionOptions(config: { temporal: TemporalSettings }) {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  // TEMPORAL_API_KEY_FILE, like every other secret of ours (`<NAME>_FILE`).
  const keyFile = process.env.TEMPORAL_API_KEY_FILE;
  const apiKey = connectionOptions.apiKey ?? (keyFile ? readFileSync(keyFile, 'utf8').trim() : undefined);
  return {
    connectionOptions: {
      ...connectionOptions,
      address: connectionOptions.address ?? config.temporal.address,
      ...(apiKey ? { apiKey } : {}),
    },
    namespace: namespace ?? config.temporal.namespace,
  };
}

/**
 * A lazy connection lets the API start and answer 503 while Temporal is unreachable, instead of refusing
 * to start: Lever retries a failed delivery, so nothing is lost.
 */
export function createTemporalClient(config: { temporal: TemporalSettings; payloadKey: Buffer; payloadKeys?: PayloadKey[] }): Client {
  const { connectionOptions, namespace } = temporalConnectionOptions(config);
  const connection = Connection.lazy({ ...connectionOptions, connectTimeout: '3s' });
  return new Client({ connection, namespace, dataConverter: dataConverter(config) });
}
