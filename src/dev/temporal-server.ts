// Finds the Temporal server and its SQL schema tool (and the Temporal UI server), or builds them from the
// Go module proxy, the way temporal-cli.ts does for the CLI. `go install` names binaries after their
// package (`server`, `sql`), names too generic to look for on PATH, so they are built into a private
// folder and moved into the Go bin folder as `temporal-server`, `temporal-sql-tool` (the names of the
// binaries in Temporal's release archives) and `temporal-ui-server`. The server module's sources (config
// templates, SQL schemas) stay in the module cache, where the cluster reads its schemas from.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
export const TEMPORAL_SERVER_MODULES = [
  `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`,
  `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
] as const;

/**
 * The UI server the CLI v1.5.1 embeds (so its module is usually cached already). Newer releases declare
 * `go 1.26.10` and later, which a Go 1.26.8 toolchain can only build after downloading a newer toolchain.
 */
export const TEMPORAL_UI_SERVER_VERSION = 'v2.42.1';
export const TEMPORAL_UI_SERVER_MODULE = `github.com/temporalio/ui-server/v2/cmd/server@${TEMPORAL_UI_SERVER_VERSION}`;

type Progress = (line: string) => void;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** The module's sources: `schema/postgresql/v12/{temporal,visibility}`, `config/`. */
  moduleDir: string;
  /** Seconds spent building, when this call built them. */
  builtInSeconds?: number;
}

function goEnv(name: string): string | undefined {
  try {
    return execFileSync('go', ['env', name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function goBin(): string | undefined {
  const gobin = goEnv('GOBIN');
  if (gobin) return gobin;
  const gopath = goEnv('GOPATH');
  return gopath ? join(gopath.split(delimiter)[0], 'bin') : undefined;
}

/** `$(go env GOMODCACHE)/go.temporal.io/server@v1.29.1`, where `go install` left the module's sources. */
export function temporalServerModuleDir(): string | undefined {
  const cache = goEnv('GOMODCACHE');
  return cache ? join(cache, 'go.temporal.io', `server@${TEMPORAL_SERVER_VERSION}`) : undefined;
}

function find(name: string, envVar: string): string | undefined {
  const explicit = process.env[envVar];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${envVar}=${explicit} does not exist`);
    return explicit;
  }
  const bin = goBin();
  if (bin && existsSync(join(bin, name))) return join(bin, name);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export function findTemporalServer(): Omit<TemporalServerBinaries, 'builtInSeconds'> | undefined {
  const server = find('temporal-server', 'TEMPORAL_SERVER_PATH');
  const sqlTool = find('temporal-sql-tool', 'TEMPORAL_SQL_TOOL_PATH');
  const moduleDir = temporalServerModuleDir();
  if (!server || !sqlTool || !moduleDir || !existsSync(join(moduleDir, 'schema'))) return undefined;
  return { server, sqlTool, moduleDir };
}

function goInstall(modules: readonly string[], gobin: string, progress: Progress): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['install', ...modules], { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, GOBIN: gobin } });
    let downloads = 0;
    let tail = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
      const before = downloads;
      downloads += chunk.split('\n').filter((l) => l.startsWith('go: downloading')).length;
      if (Math.floor(downloads / 25) > Math.floor(before / 25)) progress(`  downloaded ${downloads} Go modules...`);
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${tail}`))));
  });
}

/** `go install` into a staging folder next to the Go bin folder, then renames `built -> installed` there. */
async function build(what: string, modules: readonly string[], renames: Record<string, string>, progress: Progress): Promise<number> {
  const bin = goBin();
  if (!bin) throw new Error(`${what} is not installed and Go is not available to build it. Install Go (and put it on PATH).`);
  progress(`Building ${what} from source (${modules.join(', ')}); this happens once and takes a few minutes...`);
  const started = Date.now();
  const ticker = setInterval(() => progress(`  still building ${what} (${Math.round((Date.now() - started) / 1000)}s)...`), 20_000);
  mkdirSync(bin, { recursive: true });
  // Next to the destination, so the moves below are renames on one file system.
  const staging = mkdtempSync(join(bin, '.temporal-build-'));
  try {
    await goInstall(modules, staging, progress);
    for (const [built, installed] of Object.entries(renames)) renameSync(join(staging, built), join(bin, installed));
  } finally {
    clearInterval(ticker);
    rmSync(staging, { recursive: true, force: true });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  progress(
    `${what} built in ${seconds}s: ${Object.values(renames)
      .map((name) => join(bin, name))
      .join(', ')}`,
  );
  return seconds;
}

export async function findOrBuildTemporalServer(progress: Progress = (line) => console.log(line)): Promise<TemporalServerBinaries> {
  const found = findTemporalServer();
  if (found) return found;
  const builtInSeconds = await build(
    'the Temporal server and SQL tool',
    TEMPORAL_SERVER_MODULES,
    { server: 'temporal-server', sql: 'temporal-sql-tool' },
    progress,
  );
  const result = findTemporalServer();
  if (!result)
    throw new Error(
      'go install finished but temporal-server, temporal-sql-tool or the module sources are missing (is TEMPORAL_SERVER_PATH set elsewhere?)',
    );
  return { ...result, builtInSeconds };
}

export function findTemporalUiServer(): string | undefined {
  return find('temporal-ui-server', 'TEMPORAL_UI_SERVER_PATH');
}

/** The Temporal UI server (the web UI on its own, as the CLI's dev server embeds it). */
export async function findOrBuildTemporalUiServer(
  progress: Progress = (line) => console.log(line),
): Promise<{ path: string; builtInSeconds?: number }> {
  const found = findTemporalUiServer();
  if (found) return { path: found };
  const builtInSeconds = await build('the Temporal UI server', [TEMPORAL_UI_SERVER_MODULE], { server: 'temporal-ui-server' }, progress);
  const path = findTemporalUiServer();
  if (!path) throw new Error('go install finished but temporal-ui-server is missing');
  return { path, builtInSeconds };
}

if (require.main === module) {
  // `npm run temporal-server`: find or build all three, print where they are.
  (async () => {
    const { server, sqlTool, moduleDir } = await findOrBuildTemporalServer();
    const ui = await findOrBuildTemporalUiServer();
    console.log([server, sqlTool, ui.path, moduleDir].join('\n'));
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
