// A private PostgreSQL for the local cluster: its own data directory under `.data/`, its own port, its own
// socket directory, started and stopped by us (never the system's service).
//
// PostgreSQL refuses to run as root (initdb and postgres both exit with "cannot be run as root"). When we
// are root, as on our CI machines, the data directory is handed to the unprivileged `postgres` user that
// Debian's package creates (POSTGRES_RUN_AS names another) and initdb/postgres run as that user: spawned
// with its uid and gid directly (no `runuser`/`su` in between, whose watching parent would turn our fast
// shutdown into a SIGKILL after two seconds), so the process we signal is the postmaster itself.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exitOf, waitUntilReady } from './child-ready';

export interface PostgresOptions {
  /** The cluster's data directory, e.g. `.data/cluster/postgres`. Created (initdb) when empty. */
  dataDir: string;
  port: number;
  /** The superuser initdb creates; the Temporal schemas are set up as this user. */
  user?: string;
  password?: string;
  onLog?: (line: string) => void;
}

export interface Postgres {
  host: string;
  port: number;
  user: string;
  password: string;
  dataDir: string;
  process: ChildProcess;
  /** true: this run created the data directory. */
  initialised: boolean;
  stop(): Promise<void>;
}

/** Where Debian's postgresql-15 package puts its binaries; POSTGRES_BIN_DIR overrides. */
export const DEBIAN_POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';

export function findPostgresBinDir(): string {
  const explicit = process.env.POSTGRES_BIN_DIR;
  if (explicit) {
    if (!existsSync(join(explicit, 'postgres'))) throw new Error(`POSTGRES_BIN_DIR=${explicit} has no postgres binary`);
    return explicit;
  }
  if (existsSync(join(DEBIAN_POSTGRES_BIN_DIR, 'postgres'))) return DEBIAN_POSTGRES_BIN_DIR;
  // Another major version from the same packaging, newest first.
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (existsSync(join(root, version, 'bin', 'postgres'))) return join(root, version, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  throw new Error(
    'PostgreSQL is not installed: apt-get install -y postgresql-15 (or set POSTGRES_BIN_DIR to a folder with initdb and postgres)',
  );
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** Whom PostgreSQL runs as: ourselves, or (when we are root) an unprivileged user. */
function runAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.POSTGRES_RUN_AS ?? 'postgres';
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid, name };
  } catch {
    throw new Error(
      `PostgreSQL cannot run as root and there is no user "${name}" to run it as. Install postgresql-15 (it creates the postgres user), ` +
        'create one (useradd --system postgres), or set POSTGRES_RUN_AS to an unprivileged user.',
    );
  }
}

/** The unprivileged user must be able to reach the data directory through every parent folder. */
function checkReachable(dataDir: string, user: RunAs): void {
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      execFileSync('test', ['-x', dir], { uid: user.uid, gid: user.gid });
    } catch {
      throw new Error(
        `PostgreSQL runs as "${user.name}", who cannot enter ${dir}: chmod o+x it, or set RELAY_DATA_DIR to a folder that user can reach`,
      );
    }
  }
}

function run(file: string, args: string[], user: RunAs | undefined, cwd: string): string {
  try {
    return execFileSync(file, args, {
      encoding: 'utf8',
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid, env: { ...process.env, HOME: cwd } } : {}),
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`, { cause: error });
  }
}

function initialise(binDir: string, dataDir: string, user: string, password: string, as: RunAs | undefined): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const parent = dirname(dataDir);
  const pwfile = join(parent, '.postgres-initdb-password');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (as) {
    chownSync(dataDir, as.uid, as.gid);
    chownSync(pwfile, as.uid, as.gid);
  }
  try {
    run(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', user, `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C'],
      as,
      parent,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function isReady(binDir: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    child.once('error', () => done(false));
    child.once('exit', (code) => done(code === 0));
  });
}

export async function startPostgres(options: PostgresOptions): Promise<Postgres> {
  const binDir = findPostgresBinDir();
  const dataDir = resolve(options.dataDir);
  const user = options.user ?? 'temporal';
  const password = options.password ?? 'temporal';
  const as = runAs();
  mkdirSync(dirname(dataDir), { recursive: true });
  if (as) checkReachable(dataDir, as);
  if (await isReady(binDir, options.port))
    throw new Error(`port ${options.port} already has a PostgreSQL server: is another cluster running? Set CLUSTER_POSTGRES_PORT.`);

  const initialised = !existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
      throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster: remove it`);
    initialise(binDir, dataDir, user, password, as);
  } else {
    accessSync(dataDir, constants.F_OK);
  }

  // Settings on the command line, so an existing data directory is never edited: localhost only, a socket
  // directory of our own (not the system service's), enough connections for four Temporal services.
  const args = [
    '-D',
    dataDir,
    '-c',
    `port=${options.port}`,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dataDir}`,
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=256MB',
    '-c',
    'logging_collector=off',
    '-c',
    'log_min_messages=warning',
  ];
  // Its own process group: Ctrl-C reaches the orchestrator, which stops PostgreSQL last.
  const child = spawn(join(binDir, 'postgres'), args, {
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(as ? { uid: as.uid, gid: as.gid, env: { ...process.env, HOME: dataDir } } : {}),
  });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      output = (output + chunk).slice(-4000);
      for (const line of chunk.split('\n').filter(Boolean)) options.onLog?.(line);
    });
  }
  const exited = exitOf(child);
  await waitUntilReady(
    { child, exited, name: 'PostgreSQL', output: () => output },
    () => isReady(binDir, options.port),
    `accept connections on port ${options.port}`,
    60_000,
  );
  return {
    host: '127.0.0.1',
    port: options.port,
    user,
    password,
    dataDir,
    process: child,
    initialised,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, a checkpoint is written, it exits.
      child.kill('SIGINT');
      const immediate = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      const kill = setTimeout(() => child.kill('SIGKILL'), 40_000);
      await exited;
      clearTimeout(immediate);
      clearTimeout(kill);
    },
  };
}

/** Runs a SQL statement through psql (used to create the Temporal role's databases idempotently). */
export function psql(postgres: Pick<Postgres, 'host' | 'port' | 'user' | 'password'>, sql: string, database = 'postgres'): string {
  const binDir = findPostgresBinDir();
  return execFileSync(
    join(binDir, 'psql'),
    ['-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, '-d', database, '-tAc', sql],
    {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: postgres.password },
    },
  ).trim();
}
