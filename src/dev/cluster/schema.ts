// The Temporal and visibility databases and their schemas, set up with `temporal-sql-tool` from the
// server module's own SQL files (`schema/postgresql/v12/{temporal,visibility}/versioned`), the way
// Temporal's auto-setup does it: create the database, set up the versioning tables once, then update to
// the newest version. Every step is safe to repeat, so a second `npm run cluster` only checks.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { psql, type Postgres } from '../postgres';

export const TEMPORAL_DATABASES = [
  { database: 'temporal', schema: 'temporal' },
  { database: 'temporal_visibility', schema: 'visibility' },
] as const;

function sqlTool(sqlToolPath: string, postgres: Postgres, database: string, args: string[]): Promise<string> {
  const common = [
    '--plugin',
    'postgres12',
    '--ep',
    postgres.host,
    '-p',
    String(postgres.port),
    '-u',
    postgres.user,
    '--pw',
    postgres.password,
    '--db',
    database,
  ];
  return new Promise((resolve, reject) => {
    execFile(sqlToolPath, [...common, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`temporal-sql-tool --db ${database} ${args.join(' ')} failed:\n${stderr || stdout || error.message}`));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

export interface SchemaOutcome {
  database: string;
  created: boolean;
}

export async function setUpTemporalSchemas(sqlToolPath: string, moduleDir: string, postgres: Postgres): Promise<SchemaOutcome[]> {
  const outcomes: SchemaOutcome[] = [];
  for (const { database, schema } of TEMPORAL_DATABASES) {
    const exists = psql(postgres, `SELECT 1 FROM pg_database WHERE datname = '${database}'`) === '1';
    if (!exists) await sqlTool(sqlToolPath, postgres, database, ['create-database']);
    const versioned = psql(postgres, "SELECT to_regclass('public.schema_version') IS NOT NULL", database) === 't';
    if (!versioned) await sqlTool(sqlToolPath, postgres, database, ['setup-schema', '-v', '0.0']);
    await sqlTool(sqlToolPath, postgres, database, [
      'update-schema',
      '-d',
      join(moduleDir, 'schema', 'postgresql', 'v12', schema, 'versioned'),
    ]);
    outcomes.push({ database, created: !exists });
  }
  return outcomes;
}
