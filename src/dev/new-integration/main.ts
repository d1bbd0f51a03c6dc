// `npm run new-integration -- <name>`: writes a working integration, its folder
// (src/integrations/<name>/) and its tests (test/integrations/<name>/), adds its line to the registry, and
// writes docs/integrations.md anew (`npm run docs`, a generated file). Nothing else changes: the worker, the API, the
// configuration, the console, the sandbox, the demo and the tests all find it through the registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fill, namesOf } from './names';
import { withRegistryLine } from './registry-line';

const root = join(__dirname, '..', '..', '..');
const templates = join(__dirname, 'templates');

function templateFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? templateFiles(path) : [path];
  });
}

function main(name: string | undefined): void {
  if (!name) throw new Error('usage: npm run new-integration -- <name>   (e.g. acme-checks)');
  const names = namesOf(name);
  const folder = join(root, 'src', 'integrations', name);
  if (existsSync(folder)) throw new Error(`src/integrations/${name} exists already`);

  const written: string[] = [];
  for (const template of templateFiles(templates)) {
    const target = join(root, fill(relative(templates, template), names).replace(/\.txt$/, ''));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fill(readFileSync(template, 'utf8'), names));
    written.push(relative(root, target));
  }
  const registry = join(root, 'src', 'integrations', 'index.ts');
  writeFileSync(registry, withRegistryLine(readFileSync(registry, 'utf8'), names));
  written.push(relative(root, registry));

  // The templates are formatted for a short name; a long one may need lines wrapped differently.
  execFileSync(join(root, 'node_modules', '.bin', 'prettier'), ['--write', '--log-level', 'warn', ...written], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'docs', 'main.ts')], { cwd: root, stdio: 'inherit' });
  console.log(
    [
      `Wrote ${names.Title} (${name}): ${written.length} files, the registry line in src/integrations/index.ts.`,
      `  Its variables are ${names.PREFIX}_*; pick its trigger stage in the console or set ${names.PREFIX}_TRIGGER_STAGE.`,
      `  Try: npx jest test/integrations/${name}   then   npm start   and   npm run demo -- ${name}`,
    ].join('\n'),
  );
}

try {
  main(process.argv[2]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
