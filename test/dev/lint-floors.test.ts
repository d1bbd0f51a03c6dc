// The floors of the README's "Layout" are enforced, not only written down: ESLint refuses an import back up a
// floor, and a cycle. Each case is a real file of a floor with one import added, linted with this checkout's
// ESLint configuration (test/dev/lint-text.ts); the same files as they are pass. Every file of src/config/ and
// src/sandbox/ is tried, so no file there is left out of its floor.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import type { LintCase, LintMessage } from './lint-text';

const root = join(__dirname, '..', '..');
const MINUTES = 60_000;

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((entry) => {
    const path = posix.join(dir, entry);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The import of `target` (a path in src/, without extension) as written in `file`. */
function importFrom(file: string, target: string): string {
  const path = relative(dirname(file), target).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

interface Probe {
  what: string;
  file: string;
  /** The import added to the file. */
  line: string;
  rule: 'import-x/no-restricted-paths' | 'import-x/no-cycle';
}

const upFloor = (what: string, file: string, name: string, target: string): Probe => ({
  what,
  file,
  line: `import { ${name} } from '${importFrom(file, target)}';`,
  rule: 'import-x/no-restricted-paths',
});

const probes: Probe[] = [
  // The lowest floor, every file of it: not the registry (what config/ and sandbox/ used to import).
  ...[...filesUnder('src/config'), ...filesUnder('src/sandbox'), 'src/http/errors.ts', 'src/lever/events.ts', 'src/temporal/retry.ts'].map(
    (file) => upFloor('the base imports the registry', file, 'eachIntegration', 'src/integrations/index'),
  ),
  upFloor('the sandbox plumbing imports the assembled sandbox', 'src/sandbox/http.ts', 'startSandbox', 'src/assembly/sandbox'),
  upFloor('the base configuration imports the assembled one', 'src/config/env.ts', 'loadConfig', 'src/assembly/config'),
  upFloor('the base imports an integration', 'src/lever/snapshot.ts', 'WILLO_TAGS', 'src/integrations/willo/tags'),
  upFloor('the kit imports an integration', 'src/integrations/kit/names.ts', 'WILLO_TAGS', 'src/integrations/willo/tags'),
  upFloor('an integration imports the registry', 'src/integrations/willo/tags.ts', 'eachIntegration', 'src/integrations/index'),
  upFloor('the registry imports the assembly', 'src/integrations/index.ts', 'loadConfig', 'src/assembly/config'),
  upFloor('the registry imports the opportunity process', 'src/integrations/index.ts', 'opportunityProcess', 'src/opportunity/workflow'),
  {
    what: 'a cycle: lever/webhook.ts imports events.ts',
    file: 'src/lever/events.ts',
    line: "import { leverSignature } from './webhook';",
    rule: 'import-x/no-cycle',
  },
];

let asTheyAre: LintMessage[][];
let withImport: LintMessage[][];

beforeAll(() => {
  const files = probes.map((p) => p.file);
  const cases: LintCase[] = [
    ...files.map((file) => ({ filePath: file, code: readFileSync(join(root, file), 'utf8') })),
    ...probes.map((p) => ({ filePath: p.file, code: `${readFileSync(join(root, p.file), 'utf8')}\n${p.line}\n` })),
  ];
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lint-text.ts')], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const results = JSON.parse(output) as LintMessage[][];
  asTheyAre = results.slice(0, files.length);
  withImport = results.slice(files.length);
}, 10 * MINUTES);

const importRules = (messages: LintMessage[]) => messages.filter((m) => m.ruleId?.startsWith('import-x/'));

it('passes every probed file as it is', () => {
  expect(probes.map((p, i) => ({ file: p.file, problems: importRules(asTheyAre[i]) })).filter((r) => r.problems.length > 0)).toEqual([]);
});

it.each(probes.map((probe, i) => ({ ...probe, i })))('refuses $what ($file)', ({ i, rule }) => {
  const refused = importRules(withImport[i]).filter((m) => m.ruleId === rule);
  expect(refused).toHaveLength(1);
  if (rule === 'import-x/no-restricted-paths') expect(refused[0].message).toMatch(/is a lower floor: nothing imports from a higher floor/);
});
