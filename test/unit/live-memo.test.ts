// The background reader of an entity workflow's memo against a Temporal that is slow to answer: ticks that
// come while a describe is in flight are skipped (no pile-up), and stop() waits for the one read there is.
import type { Client } from '@temporalio/client';
import { LiveMemo } from '../../src/temporal/live-memo';

interface Value {
  version: number;
}

/** A client whose describes are answered by hand, in order. */
function slowClient() {
  const pending: ((memo: Record<string, unknown>) => void)[] = [];
  const client = {
    withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
    workflow: {
      getHandle: () => ({
        describe: () => new Promise<{ memo: Record<string, unknown> }>((resolve) => pending.push((memo) => resolve({ memo }))),
      }),
    },
  } as unknown as Client;
  return { client, pending, answer: (value: Value) => pending.shift()!({ value }) };
}

/** A memo read every 10 ms, started with version 1. */
async function startedMemo() {
  const { client, pending, answer } = slowClient();
  const memo = new LiveMemo<Value>(client, { workflowId: 'w', memoKey: 'value', empty: { version: 0 }, what: 'the value', intervalMs: 10 });
  const started = memo.start();
  answer({ version: 1 });
  await started;
  return { memo, pending, answer };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('skips ticks while a read is in flight, then reads on', async () => {
  const { memo, pending, answer } = await startedMemo();
  expect(memo.current()).toEqual({ version: 1 });

  // The next tick's describe does not answer: ten more ticks pass with it still the only one.
  await sleep(30);
  expect(pending).toHaveLength(1);
  await sleep(100);
  expect(pending).toHaveLength(1);

  answer({ version: 2 });
  await sleep(30);
  expect(memo.current()).toEqual({ version: 2 });
  expect(pending).toHaveLength(1); // reading again after the answer
  answer({ version: 2 });
  await memo.stop();
});

it('stop() resolves only once the read in flight has ended, and no read starts after it', async () => {
  const { memo, pending, answer } = await startedMemo();
  await sleep(30);
  expect(pending).toHaveLength(1);

  let stopped = false;
  const stopping = memo.stop().then(() => (stopped = true));
  await sleep(50);
  expect(stopped).toBe(false);
  answer({ version: 3 });
  await stopping;
  expect(memo.current()).toEqual({ version: 3 });
  await sleep(50);
  expect(pending).toHaveLength(0);
});
