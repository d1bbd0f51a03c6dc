// One process's observations: what it reports, when, and when it says nothing (a healthy process sends no
// report at all).
import type { Client } from '@temporalio/client';
import { ProcessObserver } from '../../src/issues/observer';

const WINDOW = 60_000;

function observer() {
  let now = 1_000_000;
  const o = new ProcessObserver({ client: {} as Client, taskQueue: 'q', windowMs: WINDOW, now: () => now });
  return { o, at: (ms: number) => (now = ms), now: () => now };
}

it('says nothing while every call is answered', () => {
  const { o } = observer();
  o.observeCall({ service: 'Lever', method: 'GET', route: '/stages', status: 200 });
  o.observeCall({ service: 'Willo', method: 'POST', route: '/invites', status: 404 });
  expect(o.takeReport()).toBeUndefined();
});

it('counts Lever 429s and refused callbacks once, and keeps a failure until the service answers again', () => {
  const { o, at } = observer();
  at(1_000);
  o.observeCall({ service: 'Lever', method: 'GET', route: '/stages', status: 429 });
  o.observeCall({ service: 'HRLogics', method: 'POST', route: '/screenings', status: 503 });
  o.callbackRefused('willo');
  at(2_000);
  o.observeCall({ service: 'HRLogics', method: 'POST', route: '/screenings', status: 'network' });
  expect(o.takeReport()).toMatchObject({
    at: 2_000,
    leverRateLimited: 1,
    callbacksRefused: { willo: 1 },
    failing: { Lever: { since: 1_000, lastAt: 1_000, last: '429' }, HRLogics: { since: 1_000, lastAt: 2_000, last: 'network' } },
  });
  // Counted once; the failures are still the process's view.
  at(3_000);
  expect(o.takeReport()).toMatchObject({ leverRateLimited: 0, callbacksRefused: {}, failing: { HRLogics: { since: 1_000 } } });
  o.observeCall({ service: 'HRLogics', method: 'POST', route: '/screenings', status: 201 });
  o.observeCall({ service: 'Lever', method: 'GET', route: '/stages', status: 200 });
  at(4_000);
  // The recovery is news: the answers, and no failure left.
  expect(o.takeReport()).toMatchObject({ failing: {}, answered: { HRLogics: 3_000, Lever: 3_000 } });
  at(5_000);
  expect(o.takeReport()).toBeUndefined();
});

it('forgets a failure not seen again within the window (the process stopped calling that service)', () => {
  const { o, at } = observer();
  at(1_000);
  o.observeCall({ service: 'Refty', method: 'POST', route: '/requests', status: 500 });
  expect(o.takeReport()?.failing).toHaveProperty('Refty');
  at(1_000 + WINDOW + 1);
  // Its end is said once, then nothing.
  expect(o.takeReport()).toMatchObject({ failing: {} });
  expect(o.takeReport()).toBeUndefined();
});

/** A client whose signal-with-start records each report, or fails while `down`. */
function recordingClient() {
  const sent: { signal: string; report: { callbacksRefused: Record<string, number>; leverRateLimited: number } }[] = [];
  const state = { down: false };
  const client = {
    workflow: {
      signalWithStart: async (_workflow: unknown, options: { signal: { name: string } | string; signalArgs: [never] }) => {
        if (state.down) throw new Error('Temporal is down');
        sent.push({ signal: typeof options.signal === 'string' ? options.signal : options.signal.name, report: options.signalArgs[0] });
      },
    },
  } as unknown as Client;
  return { client, sent, state };
}

it('stop() sends what was counted since the last report, so a stopping API does not lose its news', async () => {
  const { client, sent } = recordingClient();
  const o = new ProcessObserver({ client, taskQueue: 'q', windowMs: WINDOW });
  o.start(60 * 60_000); // far longer than the test: only stop() can send
  o.callbackRefused('hrlogics');
  o.callbackRefused('hrlogics');
  await o.stop();
  expect(sent).toEqual([{ signal: 'observed', report: expect.objectContaining({ callbacksRefused: { hrlogics: 2 } }) }]);
  // Stopped: nothing more is sent, even when asked again.
  await o.stop();
  expect(sent).toHaveLength(1);
});

it('stop() sends nothing when reports are off or there is nothing to say', async () => {
  const { client, sent } = recordingClient();
  const off = new ProcessObserver({ client, taskQueue: 'q', windowMs: WINDOW });
  off.start(undefined);
  off.callbackRefused('willo');
  await off.stop();
  const quiet = new ProcessObserver({ client, taskQueue: 'q', windowMs: WINDOW });
  quiet.start(60 * 60_000);
  quiet.observeCall({ service: 'Lever', method: 'GET', route: '/stages', status: 200 });
  await quiet.stop();
  expect(sent).toEqual([]);
});

it('a report Temporal did not take is added to the next one', async () => {
  const { client, sent, state } = recordingClient();
  const o = new ProcessObserver({ client, taskQueue: 'q', windowMs: WINDOW });
  o.observeCall({ service: 'Lever', method: 'GET', route: '/stages', status: 429 });
  o.callbackRefused('refty');
  state.down = true;
  await o.flush();
  state.down = false;
  o.callbackRefused('refty');
  await o.flush();
  expect(sent.map((s) => s.report)).toEqual([expect.objectContaining({ leverRateLimited: 1, callbacksRefused: { refty: 2 } })]);
});
