// The API alone, on an ephemeral port against the test run's Temporal server, with no worker and no
// sandbox: for ingress tests, which check answers and what reached Temporal, never what runs after.
import type { Client, ClientOptions } from '@temporalio/client';
import type { Server } from 'node:http';
import { createApp, type ApiDeps } from '../../src/api';
import type { Config } from '../../src/assembly/config';
import { createLogger } from '../../src/logger';
import { listen } from './http';
import { testClient, testConfig } from './temporal';

export interface TestApi {
  config: Config;
  client: Client;
  url: string;
}

export type App = ReturnType<typeof createApp>;

export interface ServedApp {
  app: App;
  server: Server;
  url: string;
  /** Stops it all: the server, its keep-alive connections (they would hold this jest worker open) and the app's background work. */
  close(): Promise<void>;
}

/** An API app (`createApp` with these deps) on an ephemeral port. */
export async function serveApp(deps: ApiDeps): Promise<ServedApp> {
  const app = createApp(deps);
  const { server, url } = await listen(app);
  let closed: Promise<void> | undefined;
  const close = async () => {
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
    await app.stop();
  };
  return { app, server, url, close: () => (closed ??= close()) };
}

/** An API for the enclosing describe block (or file): started before its tests, stopped after them. */
export function useTestApi({
  env = {},
  interceptors,
}: { env?: Record<string, string>; interceptors?: ClientOptions['interceptors'] } = {}): Readonly<TestApi> {
  const api = {} as TestApi;
  let served: ServedApp | undefined;
  beforeAll(async () => {
    api.config = testConfig(env);
    api.client = await testClient(api.config, interceptors);
    served = await serveApp({ config: api.config, client: api.client, logger: createLogger('api', 'silent') });
    api.url = served.url;
  });
  afterAll(async () => {
    await served?.close();
    await api.client?.connection.close();
  });
  return api;
}
