// Runs `temporal server start-dev` for `npm start`: SQLite in WAL mode under the data folder (so runs
// survive a restart, and fast enough: default pragmas manage single-digit workflows per second),
// our search attributes registered, UI on its usual port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { exitOf, stopGently, waitUntilReady } from './child-ready';
import { SEARCH_ATTRIBUTE_FLAGS } from '../temporal/search-attributes';
import { DYNAMIC_CONFIG_FLAGS } from '../temporal/server-settings';

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port?: number;
  uiPort?: number;
  namespace?: string;
  /** The relay's codec endpoint, so the UI shows decrypted payloads. */
  codecEndpoint?: string;
  /** No embedded UI (`npm start` runs the UI server on its own when it can, see temporal-ui.ts). */
  headless?: boolean;
  onLog?: (line: string) => void;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function devServerArgs({
  dataDir,
  port = 7233,
  uiPort = 8233,
  namespace = 'default',
  codecEndpoint,
  headless = false,
}: Omit<DevServerOptions, 'cliPath'>): string[] {
  return [
    'server',
    'start-dev',
    '--db-filename',
    join(resolve(dataDir), 'temporal.sqlite'),
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=NORMAL',
    '--port',
    String(port),
    ...(headless ? ['--headless'] : ['--ui-port', String(uiPort)]),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    ...SEARCH_ATTRIBUTE_FLAGS.flatMap((flag) => ['--search-attribute', flag]),
    ...DYNAMIC_CONFIG_FLAGS,
    ...(codecEndpoint && !headless ? ['--ui-codec-endpoint', codecEndpoint] : []),
  ];
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const port = options.port ?? 7233;
  if (await portOpen(port))
    throw new Error(`port ${port} is already in use: is another Temporal server running? Set TEMPORAL_ADDRESS to use it instead.`);
  mkdirSync(options.dataDir, { recursive: true });
  // Its own process group: Ctrl-C reaches us first, and the server is stopped last, after the workers.
  const child = spawn(options.cliPath, devServerArgs(options), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      output = (output + chunk).slice(-4000);
      for (const line of chunk.split('\n').filter(Boolean)) options.onLog?.(line);
    });
  }
  const server = { child, exited: exitOf(child), name: 'the Temporal dev server', output: () => output };
  await waitUntilReady(server, () => portOpen(port), `open port ${port}`, 60_000);
  return {
    address: `127.0.0.1:${port}`,
    process: child,
    stop: () => stopGently(server, 10_000),
  };
}
