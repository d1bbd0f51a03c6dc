// The Temporal UI server's config file (`temporal-ui-server --root <dir> --config config --env <env> start`
// reads `<dir>/config/<env>.yaml`): the UI on 127.0.0.1, pointed at a Temporal frontend, with the relay's codec
// endpoint and `includeCredentials: true`, so the UI sends the console's session cookie along and the codec
// decrypts only for the person signed in there (an operator or admin). The UI and the APIs share the host
// 127.0.0.1, one site, so the SameSite=Strict session cookie goes along. Used by `npm run cluster` and the
// codec's browser test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TemporalUiSettings {
  /** The Temporal frontend's gRPC address (host:port). */
  temporalGrpcAddress: string;
  port: number;
  namespace: string;
  /** The relay's codec endpoint (`<API>/codec`); undefined: payloads are shown as stored (encrypted). */
  codecEndpoint?: string;
}

export function temporalUiConfig({ temporalGrpcAddress, port, namespace, codecEndpoint }: TemporalUiSettings): string {
  return `# Written at every start (src/dev/temporal-ui-config.ts): edit that file instead.
temporalGrpcAddress: ${temporalGrpcAddress}
host: 127.0.0.1
port: ${port}
publicPath: ""
enableUi: true
defaultNamespace: ${namespace}
notifyOnNewVersion: false
refreshInterval: 0s
cors:
  cookieInsecure: true
  unsafeAllowAllOrigins: false
  allowOrigins:
    - http://localhost:${port}
    - http://127.0.0.1:${port}
codec:
  endpoint: ${codecEndpoint ?? ''}
  passAccessToken: false
  # The console's session cookie goes along, so the codec knows who asks.
  includeCredentials: true
`;
}

/** Writes the config under `root` for `--env <env>`: the arguments that start the UI server with it. */
export function writeTemporalUiConfig(root: string, env: string, settings: TemporalUiSettings): string[] {
  mkdirSync(join(root, 'config'), { recursive: true });
  writeFileSync(join(root, 'config', `${env}.yaml`), temporalUiConfig(settings));
  return ['--root', root, '--config', 'config', '--env', env, 'start'];
}
