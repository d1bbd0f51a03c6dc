// Lints texts as if they were the named files of this checkout, with its own ESLint configuration, and prints
// each text's messages as JSON (stdin: [{ filePath, code }]). test/dev/lint-floors.test.ts runs it as a process
// of its own: ESLint loads its configuration (an ES module) with import(), which jest's module sandbox refuses.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LintCase {
  /** Relative to the checkout, e.g. `src/config/env.ts`. */
  filePath: string;
  code: string;
}

export interface LintMessage {
  ruleId: string | null;
  message: string;
}

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const cases = JSON.parse(readFileSync(0, 'utf8')) as LintCase[];
  const eslint = new ESLint({ cwd: root });
  const results: LintMessage[][] = [];
  // One at a time, in one process: the TypeScript program is built once for all of them.
  for (const { filePath, code } of cases) {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
