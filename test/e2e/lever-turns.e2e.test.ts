// The Lever requests the API makes itself (our webhooks' signature tokens, which must stay out of workflow
// histories; the console's webhook registration) wait for a turn on the Lever queue, so they count against
// the rate limit every worker shares: no turn, no request.
import { turnTakingLeverClient } from '../../src/lever/turn-taking-client';
import { taskQueues } from '../../src/temporal/task-queues';
import { waitFor } from '../harness/http';
import { runsOf, useTestRelay } from '../harness/relay';

const t = useTestRelay();

const webhookReadsSince = async (since: number) =>
  (await t.control.leverRequests()).filter((r) => r.at >= since && r.method === 'GET' && r.path.endsWith('/webhooks'));

const turnsSince = async (since: number) => (await runsOf(t.relay, 'leverTurn')).filter((run) => run.startTime.getTime() >= since);

it('sends the request only after the Lever queue has handed out its turn', async () => {
  const since = Date.now();
  const page = await turnTakingLeverClient(t.relay.client, t.relay.config).listWebhooks();
  expect(page.data.length).toBeGreaterThan(0);

  const [turn] = await waitFor(
    async () => {
      const runs = await turnsSince(since);
      return runs.length === 1 && runs[0].status.name === 'COMPLETED' && runs;
    },
    { what: 'one completed leverTurn run' },
  );
  const events = (await t.relay.client.workflow.getHandle(turn.workflowId).fetchHistory()).events ?? [];
  const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes;
  expect(scheduled?.taskQueue?.name).toBe(taskQueues(t.relay.config.temporal.taskQueue).lever);
  const handedOut = events.find((e) => e.activityTaskStartedEventAttributes)?.eventTime;
  const handedOutAt = Number(handedOut?.seconds) * 1000 + Math.floor((handedOut?.nanos ?? 0) / 1e6);

  const [request] = await webhookReadsSince(since);
  expect(request).toBeDefined();
  expect(request.at).toBeGreaterThanOrEqual(handedOutAt);
});

it('with no worker to hand out turns, sends nothing: the request fails at its timeout, or when its caller lets go', async () => {
  await t.relay.stopWorker();
  try {
    const since = Date.now();
    const timedOut = turnTakingLeverClient(t.relay.client, t.relay.config, { timeout: '2s' }).listWebhooks();
    await expect(timedOut).rejects.toThrow(/timed out|timeout/i);

    const stopping = new AbortController();
    const letGo = turnTakingLeverClient(t.relay.client, t.relay.config, { signal: stopping.signal }).listWebhooks();
    setTimeout(() => stopping.abort(), 300);
    const asked = Date.now();
    await expect(letGo).rejects.toThrow();
    expect(Date.now() - asked).toBeLessThan(5_000);

    expect(await webhookReadsSince(since)).toEqual([]);
  } finally {
    await t.relay.startWorker();
  }
});

it('a turn that waits longer than a request may take still sends the request: the timeout starts after the turn', async () => {
  await t.relay.stopWorker();
  const since = Date.now();
  let answered = false;
  const read = turnTakingLeverClient(t.relay.client, t.relay.config)
    .listWebhooks()
    .finally(() => (answered = true));
  try {
    // Past the Lever client's 15 s request timeout with no worker to give the turn.
    await new Promise((r) => setTimeout(r, 16_000));
    expect(answered).toBe(false);
    expect(await webhookReadsSince(since)).toEqual([]);
  } finally {
    await t.relay.startWorker();
  }
  expect((await read).data.length).toBeGreaterThan(0);
  expect(await webhookReadsSince(since)).toHaveLength(1);
}, 60_000);
