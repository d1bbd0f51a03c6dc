// `npm run settings -- export > settings.json` and `npm run settings -- import settings.json`: the settings a
// person saved in the console, as a file, for backups and for teams that keep their settings in git. An
// import is validated like a console change (schemas, locks, Lever's live lists) and saved as one audited
// change that replaces every group's values; fields the environment sets are skipped (the environment wins).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './assembly/config';
import { LeverClient } from './lever/client';
import { SettingsRejected } from './settings/access';
import { cachedLeverLists } from './settings/lever-lists';
import { LiveSettings } from './settings/live';
import { SettingsService } from './settings/service';
import { createTemporalClient } from './temporal/connection';

const USAGE = [
  'usage: npm run settings -- export > settings.json',
  '       npm run settings -- import settings.json [--if-version N] [--as NAME]',
].join('\n');

/** The file's shape: what `export` writes. */
const settingsFile = z.strictObject({
  version: z.number().int().min(0).optional(),
  settings: z.record(z.string(), z.record(z.string(), z.unknown())),
});

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { 'if-version': { type: 'string' }, as: { type: 'string' } },
  });
  const [command, file] = positionals;
  if (!(command === 'export' && positionals.length === 1) && !(command === 'import' && positionals.length === 2)) throw new Error(USAGE);
  const config = loadConfig();
  const client = createTemporalClient(config);
  try {
    const live = new LiveSettings(client, config);
    await live.refresh();
    if (live.status().error) throw new Error(live.status().error);
    if (command === 'export') {
      const { version, groups } = live.current().view;
      const stored = Object.fromEntries(
        groups
          .map((g) => [g.id, Object.fromEntries(g.fields.filter((f) => f.source === 'console').map((f) => [f.name, f.value]))] as const)
          .filter(([, fields]) => Object.keys(fields).length > 0),
      );
      process.stdout.write(`${JSON.stringify({ version, settings: stored }, null, 2)}\n`);
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file!, 'utf8'));
    } catch (error) {
      throw new Error(`${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const parsed = settingsFile.safeParse(raw);
    if (!parsed.success)
      throw new Error(
        `${file} is not a settings export: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    // Lever is read directly here (a few requests, like the doctor): no worker needs to run.
    const lever = new LeverClient({ baseUrl: config.lever.baseUrl, apiKey: config.lever.apiKey });
    const service = new SettingsService(live, client, cachedLeverLists(lever));
    const expected = values['if-version'] === undefined ? undefined : Number(values['if-version']);
    console.error(`Importing ${file} (checking every value against ${config.lever.baseUrl})...`);
    const saved = await service.replaceAll(parsed.data.settings, { id: values.as ?? 'settings-import' }, 'import', expected);
    console.error(`Saved as version ${saved.version}.`);
  } finally {
    await client.connection.close();
  }
}

main().catch((error) => {
  if (error instanceof SettingsRejected) {
    console.error(`${error.message}${error.fields.map((f) => `\n  ${f.field}: ${f.message}`).join('')}`);
    if (error.status === 409) console.error('  (someone changed the settings since that version; export again and re-apply your change)');
  } else console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
