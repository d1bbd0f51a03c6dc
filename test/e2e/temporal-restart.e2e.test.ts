// The Temporal server itself stopped with SIGKILL in the middle of a flow and started again on the same
// SQLite file (as `npm start` runs it): webhooks meanwhile get 503 (Lever retries them), and every
// process finishes once the server is back, with nothing lost and nothing done twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startDevServer, type DevServer } from '../../src/dev/dev-server';
import { findTemporalCli } from '../../src/dev/temporal-cli';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../src/integrations/hrlogics/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dataDir: string;
let port: number;
let uiPort: number;
let server: DevServer;
let relay: TestRelay;
let control: SandboxControl;

const startServer = () => startDevServer({ cliPath: findTemporalCli()!, dataDir, port, uiPort });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lever-relay-restart-'));
  // Both free when asked: the port after a free one may be taken (it was, once, on a busy machine).
  port = await freePort();
  uiPort = await freePort();
  server = await startServer();
  relay = await startTestRelay({ env: { TEMPORAL_ADDRESS: `127.0.0.1:${port}`, REFTY_ENABLED: 'false', TECH_INTERVIEW_ENABLED: 'false' } });
  control = new SandboxControl(relay.sandbox.baseUrl);
}, 90_000);

afterAll(async () => {
  await relay?.stop();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('a Temporal server killed mid-flow and restarted on the same data loses nothing', async () => {
  const before = await control.apply({ name: 'Before Crash', email: `before-${randomUUID()}@example.com` });
  const screening = await waitFor(async () => (await hrlogicsControl(control).screenings(before.opportunityId))[0], {
    what: 'the first screening',
  });

  server.process.kill('SIGKILL');
  await new Promise((r) => server.process.once('exit', r));
  // While Temporal is down: the applicant submits the survey (HRLogics retries its callback) and a new
  // candidate applies (Lever retries the webhook). Neither is lost.
  const during = await control.apply({ name: 'During Crash', email: `during-${randomUUID()}@example.com` });
  const callback = await hrlogicsControl(control).completeSurvey(screening.screeningId, 'pre_qualified');
  expect(callback.status).toBe(503);

  server = await startServer();
  await waitFor(async () => (await control.opportunity(before.opportunityId)).tags.includes(WOTC_TAGS.preQualified), {
    what: 'the tag after the restart',
    timeoutMs: 60_000,
  });
  const late = await waitFor(async () => (await hrlogicsControl(control).screenings(during.opportunityId))[0], {
    what: 'the screening of the candidate who applied during the outage',
    timeoutMs: 60_000,
  });
  expect(late.status).toBe('sent');
  expect(await hrlogicsControl(control).screenings(before.opportunityId)).toHaveLength(1);
  const log = await control.leverRequests();
  expect(log.filter((r) => r.path === `/opportunities/${before.opportunityId}/addTags` && r.status < 300)).toHaveLength(1);
}, 120_000);
