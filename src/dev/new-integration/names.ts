// The names a new integration's files use, all from the one name given to `npm run new-integration`.
import { envPrefixOf, INTEGRATION_NAME, registryKeyOf } from '../../integrations/kit/names';

export interface Names {
  /** `acme-checks`: the name (routes, workflow ids, simulator path). */
  name: string;
  /** `acmeChecks`: the registry key and the prefix of its functions. */
  key: string;
  /** `AcmeChecks`: the prefix of its types. */
  Key: string;
  /** `ACME_CHECKS`: the prefix of its variables. */
  PREFIX: string;
  /** `Acme Checks`: how people call the partner (edit it in index.ts). */
  Title: string;
}

export function namesOf(name: string): Names {
  if (!INTEGRATION_NAME.test(name))
    throw new Error(`"${name}" is not an integration name: lower-case words joined by "-", e.g. acme-checks`);
  const key = registryKeyOf(name);
  return {
    name,
    key,
    Key: key[0].toUpperCase() + key.slice(1),
    PREFIX: envPrefixOf(name),
    Title: name
      .split('-')
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join(' '),
  };
}

/** Fills a template: `__name__`, `__key__`, `__Key__`, `__PREFIX__`, `__Title__`. */
export function fill(template: string, names: Names): string {
  return template.replace(/__(name|key|Key|PREFIX|Title)__/g, (_, token: keyof Names) => names[token]);
}
