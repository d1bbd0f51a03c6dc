// Finds the Temporal CLI (which embeds the dev server) or builds it from source with Go. There are no
// prebuilt downloads on our machines, and the SDK must never fetch a server by itself.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The newest release `go install` accepts: later tags carry a `replace` directive. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

type Progress = (line: string) => void;

function goBin(): string | undefined {
  try {
    const gobin = execFileSync('go', ['env', 'GOBIN'], { encoding: 'utf8' }).trim();
    if (gobin) return gobin;
    return join(execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim().split(delimiter)[0], 'bin');
  } catch {
    return undefined;
  }
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'temporal');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findTemporalCli(): string | undefined {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} does not exist`);
    return explicit;
  }
  const bin = goBin();
  if (bin && existsSync(join(bin, 'temporal'))) return join(bin, 'temporal');
  return onPath();
}

export async function findOrBuildTemporalCli(progress: Progress = (line) => console.log(line)): Promise<string> {
  const found = findTemporalCli();
  if (found) return found;
  const bin = goBin();
  if (!bin) throw new Error('The Temporal CLI is not installed and Go is not available to build it. Install Go, or set TEMPORAL_CLI_PATH.');
  progress(`Building the Temporal CLI from source (${TEMPORAL_CLI_MODULE}); this happens once and takes several minutes...`);
  const started = Date.now();
  const ticker = setInterval(
    () => progress(`  still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)}s)...`),
    20_000,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', TEMPORAL_CLI_MODULE], { stdio: ['ignore', 'inherit', 'pipe'] });
      let downloads = 0;
      let tail = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-4000);
        downloads += chunk.split('\n').filter((l) => l.startsWith('go: downloading')).length;
        if (downloads > 0 && downloads % 25 === 0) progress(`  downloaded ${downloads} Go modules...`);
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${tail}`))));
    });
  } finally {
    clearInterval(ticker);
  }
  const built = join(bin, 'temporal');
  if (!existsSync(built)) throw new Error(`go install finished but ${built} is missing`);
  progress(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)}s: ${built}`);
  return built;
}

if (require.main === module) {
  findOrBuildTemporalCli()
    .then((path) => console.log(path))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
