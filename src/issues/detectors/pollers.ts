// No worker polls one of the relay's task queues: its work waits. (With no worker at all no evaluation
// runs either; Prometheus' `up` of the workers covers that, see ops/prometheus/alerts.yml.)
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { uiTaskQueue } from '../links';

export function noPollerFindings(facts: Facts): Finding[] {
  return facts.pollers
    .filter((p) => p.count === 0)
    .map((p) => ({
      id: `no-pollers:${p.taskQueue}:${p.type}`,
      kind: 'no-pollers',
      title: `No worker polls the ${p.type} tasks of task queue ${p.taskQueue}`,
      fix: "Start a worker (npm run worker) with RELAY_TASK_QUEUE set to this deployment's queue, or look in the workers' logs why they stopped",
      subject: { type: 'task-queue', id: p.taskQueue, name: `${p.taskQueue} (${p.type})` },
      links: [{ text: 'Task queue in the Temporal UI', href: uiTaskQueue(facts.config, p.taskQueue) }],
    }));
}
