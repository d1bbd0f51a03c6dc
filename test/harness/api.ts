// The API alone, on an ephemeral port against the test run's Temporal server, with no worker and no
// sandbox: for ingress tests, which check answers and what reached Temporal, never what runs after.
import type { Client, ClientOptions } from '@temporalio/client';
import type { Server } from 'node:http';
import { createApp } from '../../src/api';
import type { Config } from '../../src/assembly/config';
import { createLogger } from '../../src/logger';
import type { LiveSettings } from '../../src/settings/live';
import type { LiveTokens } from '../../src/tokens/live';
import { listen } from './http';
import { testClient, testConfig } from './temporal';

export interface TestApi {
  config: Config;
  client: Client;
  url: string;
}

/** An API for the enclosing describe block (or file): started before its tests, stopped after them. */
export function useTestApi({
  env = {},
  interceptors,
}: { env?: Record<string, string>; interceptors?: ClientOptions['interceptors'] } = {}): Readonly<TestApi> {
  const api = {} as TestApi;
  let server: Server;
  let app: ReturnType<typeof createApp> | undefined;
  beforeAll(async () => {
    api.config = testConfig(env);
    api.client = await testClient(api.config, interceptors);
    app = createApp({ config: api.config, client: api.client, logger: createLogger('api', 'silent') });
    ({ server, url: api.url } = await listen(app));
  });
  afterAll(async () => {
    // Keep-alive connections would hold the server (and this jest worker) open after the last test.
    await new Promise<void>((done) => {
      if (!server) return done();
      server.close(() => done());
      server.closeAllConnections();
    });
    (app?.locals.settings as LiveSettings | undefined)?.stop();
    await (app?.locals.apiTokens as LiveTokens | undefined)?.stop();
    await api.client?.connection.close();
  });
  return api;
}
