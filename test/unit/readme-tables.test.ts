// The README's generated tables match the registry: a changed or new integration that was not followed by
// `npm run docs` fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedTables } from '../../src/docs/readme-tables';

it('README.md is current (npm run docs)', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(withGeneratedTables(readme)).toBe(readme);
});
