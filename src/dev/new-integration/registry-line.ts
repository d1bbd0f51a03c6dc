// The one line (and its import) a new integration adds to the registry, src/integrations/index.ts.
import type { Names } from './names';

export function withRegistryLine(source: string, { name, key }: Names): string {
  const lines = source.split('\n');
  const imports = lines.flatMap((line, index) => {
    const from = /^import .* from '(.+)';$/.exec(line)?.[1];
    return from ? [{ index, from }] : [];
  });
  const path = `./${name}`;
  if (imports.some((i) => i.from === path)) throw new Error(`the registry already imports ${path}`);
  // Imports stay sorted by path, as the file has them.
  const before = imports.find((i) => i.from > path);
  lines.splice(before ? before.index : imports[imports.length - 1].index + 1, 0, `import { ${key} } from '${path}';`);
  const close = lines.findIndex((line) => line.startsWith('} satisfies Record<string, IntegrationDefinition'));
  if (close < 0) throw new Error('src/integrations/index.ts: the registry object was not found');
  // Above the eslint comment that belongs to the closing line, if there is one.
  const at = lines[close - 1].trim().startsWith('//') ? close - 1 : close;
  lines.splice(at, 0, `  ${key},`);
  return lines.join('\n');
}
