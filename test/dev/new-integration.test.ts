// `npm run new-integration` as a newcomer meets it: generated into a scratch copy of this checkout (the
// files git sees, node_modules linked), the new integration must change only its own folder, its own tests,
// the registry line and the generated docs/integrations.md, and pass the typecheck, lint and its tests there:
// the e2e test over HTTP with its history replayed, its decision, and the registry-wide tests that now
// include it (decision properties, callback samples, documented variables, the generated document).
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const NAME = 'acme-checks';
const MINUTES = 60_000;
let scratch: string;

interface JestReport {
  success: boolean;
  numFailedTests: number;
  testResults: { name: string; status: string; message: string }[];
}

/** Runs a command in the scratch copy with the environment of a shell, not of this jest run. */
function run(command: string, args: string[], options: ExecFileSyncOptions = {}): string {
  const { env: extra, ...rest } = options;
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TEMPORAL_TEST_|JEST_)/.test(name))), ...extra };
  return execFileSync(command, args, { cwd: scratch, env, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 << 20, ...rest }) as string;
}
const bin = (tool: string) => join(root, 'node_modules', '.bin', tool);
const git = (...args: string[]) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args]);

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lever-relay-new-integration-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0');
  for (const file of files.filter((f) => f && existsSync(join(root, f)))) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    copyFileSync(join(root, file), join(scratch, file));
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'before');
  run('npm', ['run', 'new-integration', '--', NAME]);
}, 5 * MINUTES);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * Every file outside its own folders that a new integration may change, and why: nothing hand-written.
 * Each is checked to grow by added lines only.
 */
const ALLOWED_OUTSIDE = {
  // The registry line: its import and its entry (the only list of integrations).
  'src/integrations/index.ts': { added: 2 },
  // Generated whole by `npm run docs` (which new-integration runs) from the registry; nobody edits it, and
  // test/unit/integrations-doc.test.ts fails when it differs from what the registry makes.
  'docs/integrations.md': { added: 'some' },
} as const;

it('changes its folder, its tests, the registry line and the generated docs/integrations.md, nothing else', () => {
  git('add', '-A');
  const changed = git('diff', '--cached', '--name-only').trim().split('\n');
  const own = changed.filter((f) => f.startsWith(`src/integrations/${NAME}/`) || f.startsWith(`test/integrations/${NAME}/`));
  expect(changed.filter((f) => !own.includes(f)).sort()).toEqual(Object.keys(ALLOWED_OUTSIDE).sort());
  expect(own.length).toBeGreaterThanOrEqual(20);
  for (const [file, { added }] of Object.entries(ALLOWED_OUTSIDE)) {
    const [plus, minus] = git('diff', '--cached', '--numstat', file).trim().split('\t');
    expect({ file, removed: Number(minus) }).toEqual({ file, removed: 0 });
    if (added === 'some') expect(Number(plus)).toBeGreaterThan(0);
    else expect(Number(plus)).toBe(added);
  }
});

it(
  'typechecks and lints as generated',
  () => {
    run(bin('tsc'), ['--noEmit']);
    run(bin('eslint'), [`src/integrations/${NAME}`, `test/integrations/${NAME}`, 'src/integrations/index.ts']);
    run(bin('prettier'), ['--check', `src/integrations/${NAME}`, `test/integrations/${NAME}`, 'src/integrations/index.ts']);
  },
  10 * MINUTES,
);

it(
  'passes its tests and the registry-wide ones that now include it',
  () => {
    const tests = [
      `test/integrations/${NAME}`,
      'test/unit/registry.test.ts',
      'test/unit/decisions.test.ts',
      'test/unit/integrations-doc.test.ts',
      // Its callback route, one broken field at a time and under the fuzzer.
      'test/api/partner-ingress.test.ts',
      'test/api/ingress-fuzz.test.ts',
    ];
    // The report goes to a file: global setup prints the Temporal server's banner on stdout.
    const report = join(scratch, 'jest-report.json');
    try {
      run(bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...tests], { env: { INGRESS_FUZZ_RUNS: '300' } });
    } catch {
      // A failing run exits non-zero: its report still says which test failed and why.
    }
    const result = JSON.parse(readFileSync(report, 'utf8')) as JestReport;
    const failures = result.testResults.flatMap((file) => (file.status === 'failed' ? [`${file.name}: ${file.message}`] : []));
    expect(failures).toEqual([]);
    expect(result.numFailedTests).toBe(0);
    expect(result.testResults.some((r) => r.name.endsWith(`${NAME}.e2e.test.ts`))).toBe(true);
    expect(result.success).toBe(true);
  },
  15 * MINUTES,
);
