// The settings in force: the environment's configuration with the stored (console) values laid over every
// field the environment does not give. One source per field: a variable that is set wins and locks the
// field. Computed once per settings version, in every API and worker.
import { integrationParts, type Config } from '../assembly/config';
import type { Env } from '../config/env';
import type { IntegrationName } from '../integrations';
import { envNameOf, isGiven, type SettingField } from './fields';
import { settingGroups, type SettingGroup } from './groups';
import type { StoredSettings } from './messages';
import type { FieldView, GroupView, SettingsView } from './view';

export interface EffectiveSettings {
  version: number;
  /** The configuration with the stored values applied. */
  config: Config;
  /** What the opportunity process gets: the workflow settings of each integration switched on and set up. */
  workflowSettings: Partial<Record<IntegrationName, unknown>>;
  /** Integrations switched on but not set up, by name: what is missing. Their decisions do nothing. */
  notSetUp: Record<string, string[]>;
  view: SettingsView;
}

/** The variable that gives a field, when one is set: the field is then read-only in the console. */
export function lockOf(env: Env, group: SettingGroup, fieldName: string): string | undefined {
  const name = envNameOf(group.prefix, fieldName);
  return (env[name] ?? '') !== '' || (env[`${name}_FILE`] ?? '') !== '' ? name : undefined;
}

const consoleForm = (spec: SettingField, value: unknown) => (spec.fromSection && value !== undefined ? spec.fromSection(value) : value);

export function effectiveSettings(envConfig: Config, env: Env, stored: StoredSettings): EffectiveSettings {
  // Sections are replaced, never mutated: envConfig stays the environment's.
  const config: Config = { ...envConfig, lever: { ...envConfig.lever } };
  const groupViews: GroupView[] = [];
  for (const group of settingGroups()) {
    const given = stored.values[group.id] ?? {};
    const applied: Record<string, unknown> = {};
    const fromConsole = new Set<string>();
    for (const [name, spec] of Object.entries(group.fields)) {
      if (!(name in given) || lockOf(env, group, name)) continue;
      const parsed = spec.schema.safeParse(given[name]);
      // A stored value that no longer fits its schema (a field narrowed since) keeps the default.
      if (!parsed.success) continue;
      applied[name] = spec.toSection ? spec.toSection(parsed.data) : parsed.data;
      fromConsole.add(name);
    }
    group.write(config, applied);
    groupViews.push(groupView(group, config, env, fromConsole));
  }
  const workflowSettings: Partial<Record<IntegrationName, unknown>> = {};
  const notSetUp: Record<string, string[]> = {};
  for (const { key, integration, server, section } of integrationParts(config)) {
    if (!section.enabled) continue;
    const view = groupViews.find((g) => g.id === integration.name)!;
    if (view.setUp) workflowSettings[key] = server.settings(section);
    else notSetUp[integration.name] = view.missing;
  }
  return { version: stored.version, config, workflowSettings, notSetUp, view: { version: stored.version, groups: groupViews } };
}

function groupView(group: SettingGroup, config: Config, env: Env, fromConsole: Set<string>): GroupView {
  const values = group.read(config);
  const fields: FieldView[] = Object.entries(group.fields).map(([name, spec]) => {
    const lockedBy = lockOf(env, group, name);
    return {
      name,
      label: spec.label,
      ...(spec.help ? { help: spec.help } : {}),
      kind: spec.kind,
      value: consoleForm(spec, values[name]),
      source: lockedBy ? 'environment' : fromConsole.has(name) ? 'console' : 'default',
      ...(lockedBy ? { lockedBy } : {}),
      env: envNameOf(group.prefix, name),
      requiredWhenEnabled: spec.requiredWhenEnabled ?? false,
    };
  });
  const integration = group.key !== undefined;
  const enabled = integration ? values.enabled === true : true;
  const secrets = group.secrets(config);
  const missing = enabled
    ? [
        ...fields.filter((f) => f.requiredWhenEnabled && !isGiven(f.value)).map((f) => `${f.label} is not set`),
        ...(integration ? secrets.filter((s) => !s.set).map((s) => `${s.env} is not set`) : []),
        ...(integration && !values.baseUrl ? [`${group.prefix}_BASE_URL is not set`] : []),
      ]
    : [];
  return { id: group.id, title: group.title, integration, enabled, setUp: enabled && missing.length === 0, missing, fields, secrets };
}
