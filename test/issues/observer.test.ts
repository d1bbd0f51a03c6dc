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
