import { SandboxControl } from '../../src/sandbox/control-client';
import { startTestRelay } from '../harness/relay';
import { workflowIds } from '../../src/temporal/workflow-ids';

it('debug', async () => {
  const relay = await startTestRelay();
  try {
    const control = new SandboxControl(relay.sandbox.baseUrl);
    const { opportunityId } = await control.apply({ name: 'Dbg', email: 'dbg@example.com' });
    await new Promise((r) => setTimeout(r, 4000));
    console.log(JSON.stringify(await control.deliveries({ opportunityId }), null, 1).slice(0, 1500));
    const h = relay.client.workflow.getHandle(workflowIds.opportunity(opportunityId));
    const d = await h.describe();
    console.log(d.status.name);
    const hist = await h.fetchHistory();
    for (const e of hist.events ?? []) console.log(e.eventType, JSON.stringify(e.workflowExecutionFailedEventAttributes ?? e.workflowTaskFailedEventAttributes?.failure?.message ?? e.activityTaskFailedEventAttributes?.failure?.message ?? ''));
    try { console.log(JSON.stringify(await h.result(), null, 1)); } catch (e) { console.log('ERR', e); }
  } finally { await relay.stop(); }
}, 60000);
