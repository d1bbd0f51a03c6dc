// Reading the environment: one EnvReader collects every problem instead of throwing at the first, so a bad
// configuration stops start-up with one message naming all of them. Shared by the relay's own settings and
// by each integration's section (src/integrations/<name>/config.ts).
import ms from 'ms';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const duration = z.string().refine((v) => typeof ms(v as ms.StringValue) === 'number' && ms(v as ms.StringValue) > 0, {
  message: 'must be a duration such as 30s, 15m, 3d',
});
export const port = z.coerce.number().int().min(1).max(65535);
export const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((v) => ['true', '1', 'yes', 'on'].includes(v));
export const url = z.url().transform((v) => v.replace(/\/+$/, ''));
export const email = z.email();

/** Milliseconds of a duration that a schema already validated. */
export const toMs = (value: string): number => ms(value as ms.StringValue);

/** Reads one variable through a schema, recording a readable problem instead of throwing. */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  get<T>(name: string, schema: z.ZodType<T>, fallback: T | undefined, required = false): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      if (fallback === undefined && required) this.problems.push(`${name} is required`);
      return fallback as T;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      this.problems.push(`${name}=${JSON.stringify(redact(name, raw))} ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return fallback as T;
    }
    return parsed.data;
  }

  list(name: string, fallback: string[]): string[] {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  /** A comma-separated list of Lever stages (ids or names) that must not be empty when `required`. */
  stages(name: string, fallback: string[], required: boolean): string[] {
    const list = this.list(name, fallback);
    if (required && list.length === 0) this.problems.push(`${name} is required (comma-separated Lever stage ids or names)`);
    return list;
  }
}

function redact(name: string, value: string): string {
  return /KEY|SECRET|TOKEN/.test(name) ? '<redacted>' : value;
}

/** Variables that hold secrets: each may instead be given as `<NAME>_FILE`, a path to a file holding it. */
export const SECRET_NAME = /(KEYS?|SECRET|TOKENS?)$/;

/**
 * The environment with every `<NAME>_FILE` of a secret read into `<NAME>` (trimmed), as container secrets
 * and orchestrators mount them. A value set directly wins; a file that cannot be read is a problem.
 */
export function withSecretFiles(env: Env, problems: string[]): Env {
  const resolved: Env = { ...env };
  for (const [fileVar, path] of Object.entries(env)) {
    const name = fileVar.endsWith('_FILE') ? fileVar.slice(0, -'_FILE'.length) : undefined;
    if (!name || !SECRET_NAME.test(name) || !path || (env[name] ?? '') !== '') continue;
    try {
      resolved[name] = readFileSync(path, 'utf8').trim();
    } catch (error) {
      problems.push(`${fileVar}=${JSON.stringify(path)} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return resolved;
}
