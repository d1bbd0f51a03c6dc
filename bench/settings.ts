// Bench phase: the console. A settings change saved through one API, timed until the other API and the
// worker hold it (each trigger carries the settings its API holds, so that is when the next trigger uses
// it); and how fast the console's pages answer a signed-in person (p50/p95).
import type { Client } from '@temporalio/client';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/api';
import type { Config } from '../src/assembly/config';
import { createLogger } from '../src/logger';
import type { LiveSettings } from '../src/settings/live';
import type { SettingsView } from '../src/settings/view';
import { fmt, percentile } from './load';

const CHANGES = Number(process.env.BENCH_SETTINGS_CHANGES ?? 10);
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES ?? 30);
const GOAL_MS = 3_000;
const PAGES_GOAL_MS = 300;

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function benchSettings(
  log: (line: string) => void,
  { config, client, apiUrl, worker }: { config: Config; client: Client; apiUrl: string; worker: LiveSettings },
): Promise<void> {
  log(
    `\n8. Console: a saved change reaches the other API and the worker (goal <= ${GOAL_MS / 1000} s); pages p95 (goal <= ${PAGES_GOAL_MS} ms)`,
  );
  const second = createApp({ config, client, logger: createLogger('api', 'silent') });
  const { server, url: otherUrl } = await listen(second);
  const auth = { authorization: `Bearer ${config.api.adminToken}` };
  const versionAt = async (url: string) =>
    ((await (await fetch(`${url}/admin/settings`, { headers: auth })).json()) as SettingsView).version;
  try {
    const everywhere: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const [via, other] = i % 2 === 0 ? [apiUrl, otherUrl] : [otherUrl, apiUrl];
      const answer = await fetch(`${via}/admin/settings/willo`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': String(await versionAt(via)) },
        body: JSON.stringify({ reviewWait: `${90 + i + 1}d` }),
      });
      const saved = Date.now();
      if (!answer.ok) throw new Error(`saving a setting answered ${answer.status}: ${await answer.text()}`);
      const { version } = (await answer.json()) as { version: number };
      while ((await versionAt(other)) < version || worker.current().version < version) {
        if (Date.now() - saved > 10_000) throw new Error(`version ${version} did not reach every process within 10 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      everywhere.push(Date.now() - saved);
    }
    log(
      `   save -> held by the other API and the worker: p50 ${fmt(percentile(everywhere, 50))} ms, max ${fmt(Math.max(...everywhere))} ms over ${CHANGES} changes (refresh every 1 s)`,
    );

    const signIn = await fetch(`${apiUrl}/console/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: config.api.adminToken }),
      redirect: 'manual',
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`console sign-in answered ${signIn.status} without a session`);
    for (const page of ['integrations', 'lever', 'settings/willo', 'settings/refty', 'actions', 'audit']) {
      const times: number[] = [];
      for (let i = 0; i < PAGE_SAMPLES; i++) {
        const started = performance.now();
        const response = await fetch(`${apiUrl}/console/${page}`, { headers: { cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`/console/${page} answered ${response.status}`);
        times.push(performance.now() - started);
      }
      log(`   /console/${page.padEnd(15)} p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms`);
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await second.stop();
  }
}
