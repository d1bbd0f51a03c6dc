// Connections to the test run's Temporal server (started once by global-setup.ts).
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config';
import { dataConverter } from '../../src/temporal';

export function testTemporalAddress(): string {
  const address = process.env.TEMPORAL_TEST_ADDRESS;
  if (!address) throw new Error('TEMPORAL_TEST_ADDRESS is not set: run tests through jest (global setup starts Temporal)');
  return address;
}

export async function testClient(config: Pick<Config, 'payloadKey' | 'temporal'>): Promise<Client> {
  const connection = await Connection.connect({ address: testTemporalAddress() });
  return new Client({ connection, namespace: config.temporal.namespace, dataConverter: dataConverter(config) });
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ TEMPORAL_ADDRESS: testTemporalAddress(), RELAY_TASK_QUEUE: `test-${randomUUID()}`, LOG_LEVEL: 'silent', ...env });
}
