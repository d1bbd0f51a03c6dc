// The Temporal UI server beside `npm start`'s dev server, when `temporal-ui-server` is on this machine (`npm run
// temporal-server` or `npm run cluster` builds it): the CLI's embedded UI takes only a codec endpoint, not
// `includeCredentials`, so its codec requests carry no session and the relay's codec (rightly) refuses them.
// This one sends the console's session cookie along, so the codec decrypts for the operator or admin signed in.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { exitOf, stopGently, waitUntilReady } from './child-ready';
import { writeTemporalUiConfig, type TemporalUiSettings } from './temporal-ui-config';

export interface TemporalUi {
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startTemporalUi(binary: string, folder: string, settings: TemporalUiSettings): Promise<TemporalUi> {
  // Absolute: the UI server reads `--root` relative to its working directory, which is this folder.
  const dir = resolve(folder);
  const args = writeTemporalUiConfig(dir, 'relay', settings);
  // Its own process group, like the dev server: Ctrl-C reaches us first and we stop it in order.
  const child = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-2000)));
  const server = { child, exited: exitOf(child), name: 'the Temporal UI server', output: () => output };
  const url = `http://127.0.0.1:${settings.port}/`;
  const answers = () =>
    fetch(url).then(
      (r) => r.ok,
      () => false,
    );
  await waitUntilReady(server, answers, `answer ${url}`, 30_000);
  return { process: child, stop: () => stopGently(server, 5_000) };
}
