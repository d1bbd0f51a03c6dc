// What a person may edit of an integration (or of the relay) in the console: each setting declared once,
// with its label, its kind (which picks the control and the live list it is chosen from) and the zod
// schema every change is validated with. The environment variable that locks it is derived from the
// group's prefix and the field's name (`triggerStages` of `WILLO` -> `WILLO_TRIGGER_STAGES`), so the
// console and the environment can never disagree about a field's name.
import { z } from 'zod';
import { duration, toMs } from '../config/env';
import type { LeverLists } from './lever-lists';

export type FieldKind =
  | { kind: 'boolean' }
  | { kind: 'text' }
  /** Free words, one per line (e.g. Willo's stage names). */
  | { kind: 'textList' }
  | { kind: 'duration' }
  /** A duration, or `off`. */
  | { kind: 'durationOrOff' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'choice'; options: readonly string[] }
  /** Lever stages, picked from Lever's list (ids). */
  | { kind: 'stages' }
  /** One Lever stage, picked from Lever's list (id). */
  | { kind: 'stage' }
  /** A Lever user (by email) who may create candidates. */
  | { kind: 'user' }
  /** Refty's rules: postings -> sequence, language, steps -> stages. */
  | { kind: 'reftyRules' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface SettingField<T = any> {
  /** The accessible name of its control in the console ("Trigger stages"). */
  label: string;
  /** One sentence under the control. */
  help?: string;
  kind: FieldKind;
  /** Validates a value given in the console or the JSON API (the same schema as the variable's). */
  schema: z.ZodType<T>;
  /** An integration switched on without it is "not set up": its decisions do nothing. */
  requiredWhenEnabled?: boolean;
  /** A check against Lever's live lists beyond its kind's (e.g. a Willo account some posting's tag names); a message when it fails. */
  check?(value: T, lists: LeverLists): Promise<string | undefined>;
  /** The section's form of a console value, when they differ (days -> `30d`). */
  toSection?(value: T): unknown;
  /** The console's form of the section's value (`30d` -> days). */
  fromSection?(value: unknown): T;
}

/** An integration's (or the relay's) editable settings, by field name. */
export type SettingFields = Record<string, SettingField>;

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20), 'must not contain control characters');

/** Builders that keep each field's control and schema together. */
export const field = {
  boolean: (label: string, help?: string): SettingField<boolean> => ({ label, help, kind: { kind: 'boolean' }, schema: z.boolean() }),
  text: (
    label: string,
    options: { help?: string; schema?: z.ZodType<string>; requiredWhenEnabled?: boolean } = {},
  ): SettingField<string> => ({
    label,
    help: options.help,
    kind: { kind: 'text' },
    schema: options.schema ?? text.max(200),
    requiredWhenEnabled: options.requiredWhenEnabled,
  }),
  textList: (label: string, help?: string): SettingField<string[]> => ({
    label,
    help,
    kind: { kind: 'textList' },
    schema: z.array(text.max(200)).max(50),
  }),
  duration: (label: string, help?: string): SettingField<string> => ({ label, help, kind: { kind: 'duration' }, schema: duration }),
  durationOrOff: (label: string, help?: string): SettingField<string> => ({
    label,
    help,
    kind: { kind: 'durationOrOff' },
    schema: z.union([z.literal('off'), duration]),
  }),
  integer: (label: string, min: number, max: number, help?: string): SettingField<number> => ({
    label,
    help,
    kind: { kind: 'integer', min, max },
    schema: z.number().int().min(min).max(max),
  }),
  choice: <const O extends readonly [string, ...string[]]>(label: string, options: O, help?: string): SettingField<O[number]> => ({
    label,
    help,
    kind: { kind: 'choice', options },
    schema: z.enum(options) as unknown as z.ZodType<O[number]>,
  }),
  stages: (label: string, options: { help?: string; requiredWhenEnabled?: boolean } = {}): SettingField<string[]> => ({
    label,
    help: options.help,
    kind: { kind: 'stages' },
    schema: z.array(id).max(50),
    requiredWhenEnabled: options.requiredWhenEnabled,
  }),
  stage: (label: string, options: { help?: string; requiredWhenEnabled?: boolean } = {}): SettingField<string> => ({
    label,
    help: options.help,
    kind: { kind: 'stage' },
    schema: id,
    requiredWhenEnabled: options.requiredWhenEnabled,
  }),
  /** A whole number of days, kept in the section as a duration (`30d`). */
  days: (label: string, help?: string): SettingField<number> => ({
    label,
    help,
    kind: { kind: 'integer', min: 1, max: 3650 },
    schema: z.number().int().min(1).max(3650),
    toSection: (days: number) => `${days}d`,
    fromSection: (value: unknown) => Math.round(toMs(String(value)) / 86_400_000),
  }),
  user: (label: string, options: { help?: string; requiredWhenEnabled?: boolean } = {}): SettingField<string> => ({
    label,
    help: options.help,
    kind: { kind: 'user' },
    schema: z.email('must be an email address'),
    requiredWhenEnabled: options.requiredWhenEnabled,
  }),
};

/** `triggerStages` -> `TRIGGER_STAGES`. */
export function constantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The variable that locks a field: `WILLO` + `triggerStages` -> `WILLO_TRIGGER_STAGES`. */
export function envNameOf(prefix: string, fieldName: string): string {
  return `${prefix}_${constantCase(fieldName)}`;
}

/** Whether a value counts as given (a required field with this value is missing). */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
