// `npm run docs`: writes the README's generated tables (see readme-tables.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedTables } from './readme-tables';

const path = join(__dirname, '..', '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = withGeneratedTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is current' : 'README.md: tables written');
