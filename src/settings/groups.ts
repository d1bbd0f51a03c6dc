// The groups of settings a person edits: the relay's own (`lever`: the sweep) and one per integration in
// the registry, each with its declared fields and how its values sit in the configuration. Adding an
// integration adds its group by declaring `editable` in its server part; nothing here names one.
import ms from 'ms';
import type { Config } from '../assembly/config';
import { toMs } from '../config/env';
import type { PartnerConnection } from '../config/partner';
import { eachIntegration, type IntegrationName } from '../integrations';
import { envPrefixOf } from '../integrations/kit/names';
import { field, type SettingFields } from './fields';
import type { SecretView } from './view';

export interface SettingGroup {
  /** `lever`, or the integration's name (`tech-interview`): the `<integration>` of `/admin/settings/<integration>`. */
  id: string;
  title: string;
  /** The prefix of its variables (`WILLO`). */
  prefix: string;
  fields: SettingFields;
  /** The registry key of an integration's group; undefined for the relay's own. */
  key?: IntegrationName;
  /** Its fields' values in the configuration's form. */
  read(config: Config): Record<string, unknown>;
  /** Writes values (configuration form) into a configuration this group's caller owns. */
  write(config: Config, values: Record<string, unknown>): void;
  /** Its secrets: whether each is set, never its value. */
  secrets(config: Config): SecretView[];
}

/** The relay's own editable settings. */
export const leverEditable: SettingFields = {
  sweepInterval: field.durationOrOff(
    'Sweep interval',
    'How often opportunities updated since the last sweep are looked at again (e.g. 15m), or off.',
  ),
};

const leverGroup: SettingGroup = {
  id: 'lever',
  title: 'Lever',
  prefix: 'LEVER',
  fields: leverEditable,
  read: (config) => ({
    sweepInterval: config.lever.sweepIntervalMs === undefined ? 'off' : ms(config.lever.sweepIntervalMs),
  }),
  write: (config, values) => {
    if (!('sweepInterval' in values)) return;
    const { sweepIntervalMs: _previous, ...rest } = config.lever;
    const interval = String(values.sweepInterval);
    config.lever = interval === 'off' ? rest : { ...rest, sweepIntervalMs: toMs(interval) };
  },
  secrets: (config) => [
    { env: 'LEVER_API_KEY', label: 'Lever API key', set: config.lever.apiKey !== '' },
    { env: 'ADMIN_TOKEN', label: 'Admin token', set: config.api.adminToken !== '' },
    {
      env: config.payloadKeys.length > 1 ? 'PAYLOAD_ENCRYPTION_KEYS' : 'PAYLOAD_ENCRYPTION_KEY',
      label: `Payload encryption key${config.payloadKeys.length > 1 ? `s (${config.payloadKeys.map((k) => k.id).join(', ')}; the first encrypts)` : ''}`,
      set: config.payloadKeys.length > 0,
    },
  ],
};

function integrationGroup(key: IntegrationName): SettingGroup {
  const integration = eachIntegration().find(([k]) => k === key)![1];
  const server = integration.server();
  const prefix = envPrefixOf(integration.name);
  const section = (config: Config) => config[key] as unknown as PartnerConnection & Record<string, unknown>;
  return {
    id: integration.name,
    title: integration.title,
    prefix,
    fields: server.editable,
    key,
    read: (config) => section(config),
    write: (config, values) => {
      (config as unknown as Record<string, unknown>)[key] = { ...section(config), ...values };
    },
    secrets: (config) => [
      { env: `${prefix}_API_KEY`, label: `${integration.title} API key`, set: section(config).apiKey !== '' },
      {
        env: `${prefix}_CALLBACK_SECRET`,
        label: `${integration.title} callback secret`,
        set: section(config).callbackSecret !== '',
      },
    ],
  };
}

let groups: SettingGroup[] | undefined;

/** Every group, the relay's first, then the registry's order. */
export function settingGroups(): SettingGroup[] {
  return (groups ??= [leverGroup, ...eachIntegration().map(([key]) => integrationGroup(key))]);
}

export function settingGroup(id: string): SettingGroup | undefined {
  return settingGroups().find((group) => group.id === id);
}
