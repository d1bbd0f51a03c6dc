// `npm run docs`: writes docs/integrations.md from the registry (see integrations-doc.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTEGRATIONS_DOC, integrationsDoc } from './integrations-doc';

const path = join(__dirname, '..', '..', INTEGRATIONS_DOC);
const before = (() => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
})();
const after = integrationsDoc();
if (after !== before) writeFileSync(path, after);
console.log(after === before ? `${INTEGRATIONS_DOC} is current` : `${INTEGRATIONS_DOC} written`);
